// The card stage (dist/widget/status-embed-card-<hash>.js): Preact, zod/mini and the card. The loader adds it,
// with its integrity hash, only once there is something to show; it registers its entry point and waits.
import { clearCard, drawCard, refreshCard } from './draw';
import type { CardStage } from './protocol';

export const cardStage: CardStage = { refresh: refreshCard, draw: drawCard, clear: clearCard };

window.__statusEmbedCard ??= cardStage;
