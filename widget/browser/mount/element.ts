import type { CardInput, CardStage, LoaderKit, RefreshResult } from '../card-stage/protocol';
import { readDismissals } from '../data/dismissal-store';
import { nextDelay } from '../data/refresh-loop';
import { fetchJson, summaryUrl } from '../data/sources';
import { addCheckedScript } from '../loader/card-script';
import { needsCard, parseComponents } from '../loader/quick-check';
import { OBSERVED_ATTRIBUTES } from './attributes';
import { cardStage } from './card-loader';
import { warn } from './warn';

export const ELEMENT_NAME = 'status-embed';

const kit: LoaderKit = { f: fetchJson, w: warn, c: parseComponents, s: addCheckedScript, d: readDismissals };

/** A running embed: called without an argument it draws again (an attribute changed) without fetching; with `true` it stops. */
type RunningEmbed = (stop?: true) => undefined;

/**
 * Keeps an embed current: summary.json every minute while the tab is visible and, only once something is to be
 * shown, the card stage, which reads the config, validates and draws. A quiet page view costs the loader and one
 * summary request. A failed summary keeps the last good one and slows the refresh. Nothing here throws into the
 * host page.
 */
function runEmbed(host: HTMLElement): RunningEmbed {
  let summary: unknown;
  let card: CardStage | undefined;
  let stopped = false;
  let failing: boolean | undefined = false;

  const components = () => parseComponents(host.getAttribute('components')); // an invalid list: all components (the card stage warns)
  const input = (): CardInput => ({ summary, components: components(), kit });
  const wanted = () => !!card || needsCard(summary, components(), readDismissals()); // only called once a summary came
  const load = async () => (card ??= await cardStage());

  // The shadow root (kept when the embed starts over), with the empty live region first, so that the card is
  // announced when it appears in it (the card stage draws into it).
  if (!host.shadowRoot) {
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    host.attachShadow({ mode: 'open' }).append(region);
  }
  // A status page that is not an http(s) URL fails its first fetch: one warning, and no request ever goes out.
  const statusPage = host.getAttribute('status-page') ?? '';
  // The refresh loop, as startRefreshLoop (widget/data/refresh-loop.ts) but written into the embed's own state:
  // now, then after each delay (doubled per failure), only while the tab is visible (one that comes back runs at
  // once if a refresh fell due meanwhile); runs never overlap.
  let failures = 0;
  let dueAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!running && !stopped && document.visibilityState !== 'hidden') timer = setTimeout(tick, dueAt - Date.now());
  };
  const tick = async () => {
    running = true;
    let result: Partial<RefreshResult> = [true]; // no card stage needed: a good refresh
    try {
      summary = await fetchJson(summaryUrl(statusPage)); // any JSON: the quick check and the card stage judge it
      if (!stopped && wanted()) result = await (await load()).refresh(host, input());
    } catch (error) {
      result = [false, error]; // no summary (the card keeps the last one), or no card stage: try again later
    }
    const [valid, failure, configFailing] = result;
    if (!stopped) {
      if (failure && !failing) warn('refresh failed', failure); // once per run of failures (the last good data stays)
      failing = !valid || configFailing;
    }
    // The summary's (and the card's) failures slow the refresh; the config's pace only the config.
    failures = valid ? 0 : failures + 1;
    dueAt = Date.now() + nextDelay(failures);
    running = false;
    schedule();
  };
  document.addEventListener('visibilitychange', schedule);
  schedule();
  // Without the card stage there is nothing to redraw: an attribute that makes something worth showing takes effect at the next refresh.
  return (stop) => {
    if (stop) {
      stopped = true;
      document.removeEventListener('visibilitychange', schedule);
      clearTimeout(timer);
      card?.clear(host);
    } else card?.draw(host, input());
  };
}

/**
 * `<status-embed status-page="https://status.example.com" config-url="https://example.com/embed-config">`: the
 * card in an open shadow root. Config and option attributes (`position`, `locale`, `offset`, ...) override the
 * served config and redraw when they change; changing `status-page` or `config-url` starts over.
 */
export class StatusEmbedElement extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;

  /** The running embed (a short name: it is spelled out in the loader). Declared only: no class field to initialise. */
  declare private e: RunningEmbed | undefined;

  connectedCallback(): void {
    this.e = runEmbed(this);
  }

  disconnectedCallback(): void {
    this.e = this.e?.(true); // stops it, and forgets it (stopping returns nothing)
  }

  attributeChangedCallback(name: string): void {
    if (!this.e) return; // not connected: connectedCallback reads every attribute
    // RESTART_ATTRIBUTES, which OBSERVED_ATTRIBUTES lists first (only an observed attribute gets here).
    if (OBSERVED_ATTRIBUTES.indexOf(name) < 2) {
      this.e(true);
      this.e = runEmbed(this);
    } else this.e();
  }
}

/** Registers `<status-embed>` once (a second copy of the script on the page leaves the first in charge). */
export function defineStatusEmbedElement(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, StatusEmbedElement);
}
