// The widget's public types. Only a type comes from elsewhere (the five field names), so that
// dist/widget/status-embed.d.ts can state them plainly.
import type { EmbedConfigField } from '../../shared/schemas/embed-config';

/**
 * The five public fields of a status embed config (what the config endpoint serves), every one optional:
 * `position`: `bottom-left` (default), `bottom-right`, `top-left` or `top-right` (`bottom_left` is read alike);
 * `incident_background_color`, `incident_text_color`, `maintenance_background_color`, `maintenance_text_color`:
 * `#rgb` or `#rrggbb`. Anything else is ignored and the default used.
 */
export type EmbedConfigInput = { [Field in EmbedConfigField]?: string | null };

/** The options sites ask for; each is also a `data-*` attribute of the script tag and an attribute of `<status-embed>`. */
export interface EmbedOptions {
  /** The card's language (`de`, `pt-BR`, ...): else the page's `<html lang>`, else the browser's; English when we lack it. */
  locale?: string;
  /** Component ids (`components="id1,id2"`): only an incident or maintenance affecting one of them is shown or counted. */
  components?: string | readonly string[];
  /** Pixels from the corner's edges: `24` for both, `"24 96"` or `[24, 96]` for side, then bottom or top. Default 60. */
  offset?: number | string | readonly [number, number];
  /** The card's stacking order (`z-index`), e.g. to stay under a chat launcher. Default 2147483000. */
  zIndex?: number | string;
}

export interface MountOptions extends EmbedOptions {
  /** The status page, e.g. `https://status.example.com`: its public `/api/v2/summary.json` is read. */
  statusPage: string;
  /** The embed config endpoint (see docs/widget.md); without it the defaults and `config` apply. */
  configUrl?: string;
  /** Fields that override the served config, like the script tag's `data-*` attributes. */
  config?: EmbedConfigInput;
  /** Where the `<status-embed>` element is appended; `document.body` by default. */
  target?: Element;
}

export interface StatusEmbedHandle {
  /** The `<status-embed>` host element (its shadow root is open). */
  readonly element: HTMLElement;
  /** Overrides config fields (merged into the previous ones; `null` removes an override). */
  update(config: EmbedConfigInput): void;
  /** Removes the card and stops refreshing. */
  unmount(): void;
}

/**
 * `status-embed:change` (a CustomEvent on the element, bubbling and composed) carries this whenever what the card
 * shows changes; all null when it goes away.
 */
export interface StatusEmbedChangeDetail {
  kind: 'incident' | 'maintenance' | null;
  id: string | null;
  status: string | null;
  impact: string | null;
}
