import type { CardInput, CardStage, LoaderKit } from '../card-stage/protocol';
import { readDismissals } from '../data/dismissal-store';
import { startRefreshLoop } from '../data/refresh-loop';
import { fetchText, summaryUrl } from '../data/sources';
import { addCheckedScript } from '../loader/card-script';
import { needsCard, parseComponents } from '../loader/quick-check';
import { OBSERVED_ATTRIBUTES } from './attributes';
import { cardStage } from './card-loader';
import { warn } from './warn';

export const ELEMENT_NAME = 'status-embed';

const kit: LoaderKit = { f: fetchText, w: warn, c: parseComponents, s: addCheckedScript, d: readDismissals };

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
  /** The summary's text as last read: the same text again (a 304, answered from the cache) changes nothing. */
  let text: string | undefined;
  let card: CardStage | undefined;
  let stopped: true | undefined;
  /** What was last reported (a run of failures is reported once), or nothing while all is well. */
  let failing: unknown;

  const input = (): CardInput => ({ summary, kit });
  const load = async () => (card ??= await cardStage());

  // The shadow root (kept when the embed starts over), with the empty live region first, so that the card is
  // announced when it appears in it (the card stage draws into it).
  if (!host.shadowRoot) {
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    host.attachShadow({ mode: 'open' }).append(region);
  }
  // A status page that is missing or not an http(s) URL fails its first fetch: one warning, and no request ever goes out.
  const statusPage = host.getAttribute('status-page') as string;
  // Whether the last summary this browser read for this status page had something to show: a returning visitor
  // during an incident gets the card stage (from the cache, checked) while summary.json comes, not after it.
  // (Storage can throw: privacy modes, sandboxed frames. Then no head start.)
  const activeKey = `status-embed:${statusPage}`;
  const stopLoop = startRefreshLoop(async () => {
    let valid: true | undefined;
    let failure: unknown; // what to report: the summary's, the card stage's or the config's failure
    try {
      const reading = fetchText(summaryUrl(statusPage));
      // Once the request is out (a first storage access can block for milliseconds): the returning visitor's head
      // start, side by side with the read; the card stage comes from the cache. (On later refreshes the card stage
      // is there already, or the note is gone: nothing is loaded again.)
      try {
        if (localStorage[activeKey]) cardStage().catch(() => {}); // a failure shows at the refresh that needs it
      } catch {}
      const read = await reading;
      // Unchanged since a good refresh: nothing to do (the validators made it a 304 where the host gives them).
      if (read !== text || failing) {
        summary = JSON.parse(read); // any JSON: the quick check and the card stage judge it
        text = read;
        // An invalid list of components counts as all components (the card stage warns).
        const active = needsCard(summary, parseComponents(host.getAttribute('components')), readDismissals());
        try {
          // `delete` is Storage's own way to remove an item, in fewer bytes than removeItem
          if (active) localStorage[activeKey] = 1;
          else delete localStorage[activeKey];
        } catch {}
        if (!stopped && (card || active)) failure = await (await load()).refresh(host, input());
      }
      valid = true;
    } catch (error) {
      // No summary (the card keeps the last one), an unusable one, or no card stage: try again later, slower.
      failure = error;
    }
    if (!stopped) {
      if (failure && !failing) warn('refresh failed', failure); // once per run of failures (the last good data stays)
      failing = failure;
    }
    // The summary's (and the card's) failures slow the refresh; the config's pace only the config.
    return valid;
  });
  // Without the card stage there is nothing to redraw: an attribute that makes something worth showing takes effect at the next refresh.
  return (stop) => {
    if (stop) {
      stopped = true;
      stopLoop();
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
