import type { CardInput, CardStage, RefreshResult } from '../card-stage/protocol';
import { readDismissals } from '../data/dismissal-store';
import { startRefreshLoop } from '../data/refresh-loop';
import { fetchJson, summaryUrl } from '../data/sources';
import { needsCard, parseComponents } from '../loader/quick-check';
import { OBSERVED_ATTRIBUTES, RESTART_ATTRIBUTES } from './attributes';
import { cardStage } from './card-loader';
import { warn } from './warn';

export const ELEMENT_NAME = 'status-embed';

interface RunningEmbed {
  /** Draws again (an attribute changed) without fetching. */
  draw(): void;
  stop(): void;
}

/**
 * Keeps an embed current: summary.json every minute while the tab is visible and, only once something is to be
 * shown, the card stage, which reads the config, validates and draws. A quiet page view costs the loader and one
 * summary request. A failed summary keeps the last good one and slows the refresh. Nothing here throws into the
 * host page.
 */
function runEmbed(host: HTMLElement): RunningEmbed {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const attribute = (name: string) => host.getAttribute(name);
  let summary: unknown;
  let card: CardStage | undefined;
  let stopped = false;
  let failing = false;

  const components = () => parseComponents(attribute('components')); // an invalid list: all components (the card stage warns)
  const input = (): CardInput => ({ summary, components: components() });
  const wanted = () => !!card || (summary !== undefined && needsCard(summary, components(), readDismissals()));
  const load = async () => (card ??= await cardStage());

  // The empty live region first, so that the card is announced when it appears in it (the card stage fills it).
  if (!root.firstChild) {
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    root.append(region);
  }
  // A status page that is not an http(s) URL fails its first fetch: one warning, and no request ever goes out.
  const statusPage = attribute('status-page') ?? '';
  const stopLoop = startRefreshLoop(async () => {
    let result: RefreshResult = [true, undefined, false];
    try {
      summary = await fetchJson(summaryUrl(statusPage)); // any JSON: the quick check and the card stage judge it
      if (!stopped && wanted()) result = await (await load()).refresh(host, input());
    } catch (error) {
      result = [false, error, false]; // no summary (the card keeps the last one), or no card stage: try again later
    }
    if (stopped) return true;
    const [valid, failure, configFailing] = result;
    if (failure && !failing) warn('refresh failed (the last good data stays)', failure); // once per run of failures
    failing = !valid || configFailing;
    return valid; // the summary's (and the card's) failures slow the refresh; the config's pace only the config
  });
  return {
    // Without the card stage there is nothing to redraw: an attribute that makes something worth showing takes effect at the next refresh.
    draw: () => card?.draw(host, input()),
    stop() {
      stopped = true;
      stopLoop();
      card?.clear(host);
    },
  };
}

/**
 * `<status-embed status-page="https://status.example.com" config-url="https://example.com/embed-config">`: the
 * card in an open shadow root. Config and option attributes (`position`, `locale`, `offset`, ...) override the
 * served config and redraw when they change; changing `status-page` or `config-url` starts over.
 */
export class StatusEmbedElement extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;

  declare private embed: RunningEmbed | undefined; // declared only: no class field to initialise

  connectedCallback(): void {
    this.embed = runEmbed(this);
  }

  disconnectedCallback(): void {
    this.embed?.stop();
    this.embed = undefined;
  }

  attributeChangedCallback(name: string): void {
    if (!this.embed) return; // not connected: connectedCallback reads every attribute
    if ((RESTART_ATTRIBUTES as readonly string[]).includes(name)) {
      this.embed.stop();
      this.embed = runEmbed(this);
    } else this.embed.draw();
  }
}

/** Registers `<status-embed>` once (a second copy of the script on the page leaves the first in charge). */
export function defineStatusEmbedElement(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, StatusEmbedElement);
}
