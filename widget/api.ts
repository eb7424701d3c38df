// The widget's public types. Kept free of imports so that dist/widget/status-embed.d.ts can state them plainly.

/** The five public fields of a status embed config (what the config endpoint serves). Every field is optional. */
export interface EmbedConfigInput {
  /** `bottom-left` (default), `bottom-right`, `top-left` or `top-right` (`bottom_left` is read alike). */
  position?: string | null;
  /** `#rgb` or `#rrggbb`; anything else is ignored and the default used. */
  incident_background_color?: string | null;
  incident_text_color?: string | null;
  maintenance_background_color?: string | null;
  maintenance_text_color?: string | null;
}

export interface MountOptions {
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
