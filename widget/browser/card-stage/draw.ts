import { computeEmbedView, type EmbedView } from '../../../shared/embed/view';
import { EMBED_CONFIG_FIELDS } from '../../../shared/constants';
import { PublicEmbedConfig } from '../../../shared/schemas/embed-config';
import { configAttribute } from '../mount/attributes';
import { EmbedSummary } from '../../../shared/schemas/embed-summary';
import { drawStatusCard } from '../card/status-card';
import { adoptCardStyles } from '../card/styles';
import { createDismissalStore } from '../data/dismissal-store';
import { skipAfterFailures } from '../data/refresh-loop';
import { canonicalLocale, chooseLocale } from './locales';
import { parseOffset, parseZIndex } from './options';
import type { CardInput, RefreshResult } from './protocol';
import { stringsFor } from './strings-source';

/** What the card stage keeps per `<status-embed>`. */
interface HostState {
  summary?: EmbedSummary;
  config?: PublicEmbedConfig;
  /** Paces the config endpoint after failures (it never slows the summary down). */
  configTurns: ReturnType<typeof skipAfterFailures>;
  /** What the card shows, as the JSON of its `status-embed:change` detail (at first: nothing, no event for it). */
  shown: string;
  /** `name=value` of the invalid attributes already reported: one warning each. */
  warned: Set<string>;
}

const states = new WeakMap<HTMLElement, HostState>();
/** The visitor's dismissals, for every embed of the page (in localStorage, else in memory), read through the loader's kit. */
let dismissals: ReturnType<typeof createDismissalStore> | undefined;

/** What `status-embed:change` carries. */
export interface StatusEmbedChange {
  kind: EmbedView['kind'] | null;
  id: string | null;
  status: string | null;
  impact: string | null;
}

const changeOf = (view: EmbedView | null): StatusEmbedChange => ({
  kind: view?.kind ?? null,
  id: view?.id ?? null,
  status: view?.status ?? null,
  impact: view?.impact ?? null,
});

function announce(host: HTMLElement, state: HostState, view: EmbedView | null): void {
  const detail = changeOf(view);
  const json = JSON.stringify(detail);
  if (json !== state.shown) host.dispatchEvent(new CustomEvent('status-embed:change', { bubbles: true, composed: true, detail }));
  state.shown = json;
}

const stateOf = (host: HTMLElement): HostState => {
  let state = states.get(host);
  if (!state) {
    state = { shown: JSON.stringify(changeOf(null)), warned: new Set(), configTurns: skipAfterFailures() };
    states.set(host, state);
  }
  return state;
};

/**
 * Reads the config when due, validates the summary (keeping the last good one), and draws. Rejects when the
 * summary is unusable; otherwise resolves to what to report while the config keeps failing (its error, or true
 * on a turn it sat out), else undefined.
 */
export async function refreshCard(host: HTMLElement, input: CardInput): Promise<RefreshResult> {
  const state = stateOf(host);
  const configUrl = host.getAttribute('config-url');
  let configFailure: unknown;
  if (configUrl && state.configTurns.due()) {
    // Drawn as things are first: that starts loading the visitor's language, if the card needs one and has not
    // had it, while the config comes. (Without a config to wait for, the one drawing below does it.)
    drawCard(host, input);
    try {
      // fetch resolves a relative URL against the page, and rejects (never throws) on one it cannot read.
      const config = PublicEmbedConfig.safeParse(JSON.parse(await input.kit.f(configUrl)));
      if (!config.success) throw new Error(`unusable answer: ${configUrl}`);
      state.config = config.data;
      state.configTurns.record(true);
    } catch (error) {
      configFailure = error;
      state.configTurns.record(false);
    }
  }
  const summary = EmbedSummary.safeParse(input.summary);
  if (!summary.success) throw new Error('unusable answer: summary.json'); // the card keeps the last good one
  state.summary = summary.data;
  drawCard(host, input);
  return configFailure ?? (state.configTurns.failing() || undefined);
}

/** Draws what the host's state holds, with the attributes as they are now. */
export function drawCard(host: HTMLElement, input: CardInput): void {
  const root = host.shadowRoot;
  if (!root) return;
  const state = stateOf(host);
  const { kit } = input;
  /** An attribute's value, checked: an invalid one is reported once (per host and value) and ignored. */
  const option = <T>(name: string, parse: (value: string | null) => T | undefined): T | undefined => {
    const value = host.getAttribute(name);
    const parsed = value === null ? undefined : parse(value);
    if (value !== null && parsed === undefined && !state.warned.has(`${name}=${value}`)) {
      state.warned.add(`${name}=${value}`);
      kit.w(`ignoring ${name}="${value.slice(0, 40)}" (not a valid value)`);
    }
    return parsed;
  };
  try {
    const chosen = chooseLocale([option('locale', canonicalLocale), document.documentElement.lang, ...navigator.languages]);
    // Undefined while that language's file is coming: the card is drawn when it has.
    const locale = stringsFor(chosen, kit, () => states.has(host) && drawCard(host, input));
    // The loader's live region, already announced to assistive technology: the card goes inside it (a page
    // that took it out of our shadow root gets no card).
    const region = root.querySelector<HTMLElement>('[role=status]');
    if (!locale || !region) return;
    const overrides: PublicEmbedConfig = {};
    for (const field of EMBED_CONFIG_FIELDS) overrides[field] = host.getAttribute(configAttribute(field));
    // Parsed by the loader's own function (the loader filtered with it); a bad list is reported here, once, and means all.
    const components = option('components', kit.c);
    dismissals ??= createDismissalStore(kit.d);
    const view = computeEmbedView(state.summary, state.config, {
      overrides,
      dismissed: dismissals.read(),
      statusPageUrl: host.getAttribute('status-page') ?? undefined,
      components,
      locale: locale.tag,
      words: locale.strings,
    });
    adoptCardStyles(root);
    region.className = 'fixed';
    const zIndex = option('z-index', parseZIndex);
    if (zIndex === undefined) region.style.removeProperty('--z');
    else region.style.setProperty('--z', String(zIndex));
    const onDismiss = (key: string) => {
      dismissals?.remember(key);
      drawCard(host, input);
    };
    drawStatusCard(region, { view, onDismiss, words: locale.strings, lang: locale.tag, offset: option('offset', parseOffset) });
    announce(host, state, view);
  } catch (error) {
    kit.w('could not draw', error);
  }
}

export function clearCard(host: HTMLElement): void {
  const region = host.shadowRoot?.querySelector('[role=status]');
  if (region) drawStatusCard(region, { view: null });
  states.delete(host);
}
