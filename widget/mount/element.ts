import { render, h } from 'preact';
import { mergeEmbedConfig } from '../../shared/embed/config';
import { safeHttpUrl } from '../../shared/embed/safe-url';
import { computeEmbedView } from '../../shared/embed/view';
import { EMBED_CONFIG_FIELDS, type PublicEmbedConfig } from '../../shared/schemas/embed-config';
import type { EmbedSummary } from '../../shared/schemas/embed-summary';
import { StatusEmbed } from '../card/StatusEmbed';
import { adoptCardStyles } from '../card/styles';
import { createDismissalStore } from '../data/dismissal-store';
import { skipAfterFailures, startRefreshLoop } from '../data/refresh-loop';
import { fetchEmbedConfig, fetchSummary } from '../data/sources';
import { warn } from './warn';

export const ELEMENT_NAME = 'status-embed';

/** `incident_background_color` -> the attribute `incident-background-color` (`data-incident-background-color` on the script tag). */
export const configAttribute = (field: string): string => field.replace(/_/g, '-');

interface RunningEmbed {
  /** Draws again (a config attribute changed) without fetching. */
  draw(): void;
  stop(): void;
}

/**
 * Draws the card into the host's shadow root and keeps it current: summary and config fetched together, again
 * every minute while the tab is visible. A failed config means the last one, else the defaults, and is asked
 * again less and less often; a failed summary keeps the last good one (at first: no card) and slows the
 * refresh. Nothing here throws into the host page.
 */
function runEmbed(host: HTMLElement): RunningEmbed {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const attribute = (name: string) => host.getAttribute(name);
  const dismissals = createDismissalStore();
  let summary: EmbedSummary | undefined;
  let config: PublicEmbedConfig | undefined;
  let stopped = false;
  let failing = false;

  const draw = () => {
    try {
      const overrides: PublicEmbedConfig = {};
      for (const field of EMBED_CONFIG_FIELDS) overrides[field] = attribute(configAttribute(field));
      const view = computeEmbedView(summary, mergeEmbedConfig(config, overrides), {
        dismissed: dismissals.read(),
        statusPageUrl: attribute('status-page') ?? undefined,
      });
      const onDismiss = (key: string) => {
        dismissals.remember(key);
        draw();
      };
      render(h(StatusEmbed, { view, onDismiss }), root);
    } catch (error) {
      warn('could not draw', error);
    }
  };
  const stop = () => {
    stopped = true;
    render(null, root);
  };

  adoptCardStyles(root);
  draw(); // the empty live region first, so that the card is announced when it appears in it
  const statusPage = safeHttpUrl(attribute('status-page'));
  if (!statusPage) {
    warn('status-page must be an absolute http(s) URL');
    return { draw, stop };
  }
  const configUrl = attribute('config-url');
  const configTurns = skipAfterFailures();
  const stopLoop = startRefreshLoop(async () => {
    let summaryFailure: unknown;
    let configFailure: unknown;
    const readConfig = configUrl && configTurns.due();
    await Promise.all([
      fetchSummary(statusPage).then(
        (value) => (summary = value),
        (error) => (summaryFailure = error),
      ),
      // fetch resolves a relative URL against the page, and rejects (never throws) on one it cannot read.
      readConfig &&
        fetchEmbedConfig(configUrl).then(
          (value) => (config = value),
          (error) => (configFailure = error),
        ),
    ]);
    if (readConfig) configTurns.record(!configFailure);
    if (stopped) return true;
    draw();
    const failure = summaryFailure || configFailure;
    if (failure && !failing) warn('using the last good data, else the defaults', failure); // once per run of failures
    failing = !!summaryFailure || configTurns.failing();
    return !summaryFailure; // the summary's own failures slow its refresh; the config's pace only the config
  });
  return {
    draw,
    stop() {
      stopLoop();
      stop();
    },
  };
}

/**
 * `<status-embed status-page="https://status.example.com" config-url="https://example.com/embed-config">`: the
 * card in an open shadow root. Config attributes (`position`, `incident-background-color`, ...) override the
 * served config and redraw when they change; changing `status-page` or `config-url` starts over.
 */
export class StatusEmbedElement extends HTMLElement {
  static observedAttributes = ['status-page', 'config-url', ...EMBED_CONFIG_FIELDS.map(configAttribute)];

  private running: RunningEmbed | undefined;

  connectedCallback(): void {
    this.running = runEmbed(this);
  }

  disconnectedCallback(): void {
    this.running?.stop();
    this.running = undefined;
  }

  attributeChangedCallback(name: string): void {
    if (!this.running) return; // not connected: connectedCallback reads every attribute
    if (name.endsWith('url') || name.endsWith('page')) {
      this.running.stop();
      this.running = runEmbed(this);
    } else this.running.draw();
  }
}

/** Registers `<status-embed>` once (a second copy of the script on the page leaves the first in charge). */
export function defineStatusEmbedElement(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, StatusEmbedElement);
}
