import type { CardStage } from '../card-stage/protocol';

/** How this build reaches the card stage: a checked script next to the loader, or (ES module) an import. Set at start. */
export let cardStage: () => Promise<CardStage>;

export function setCardLoader(loader: () => Promise<CardStage>): void {
  cardStage = loader;
}
