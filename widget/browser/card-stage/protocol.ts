// What the loader (status-embed.js) hands the card stage (status-embed-card-*.js) once something is to be shown.
import type { CardStrings } from './locales';

/** One refresh's worth of data: the loader fetched the summary and only glanced at it; the card stage validates it. */
export interface CardInput {
  /** summary.json as parsed JSON, unchecked. */
  summary: unknown;
  /** The loader's own helpers, lent so that the card stage does not carry a second copy of them. */
  kit: LoaderKit;
}

/** What the loader lends the card stage (short names: they are spelled out in both files). */
export interface LoaderKit {
  /** `fetchText` (widget/browser/data/sources.ts). */
  f(url: string): Promise<string>;
  /** `warn` (widget/mount/warn.ts). */
  w(message: string, cause?: unknown): void;
  /** `parseComponents` (widget/loader/quick-check.ts). */
  c(value: string | null): string[] | undefined;
  /** `addCheckedScript` (widget/loader/card-script.ts): a language's strings come in a checked file. */
  s(src: URL | undefined, integrity: string): Promise<void>;
  /** `readDismissals` (widget/data/dismissal-store.ts). */
  d(): unknown[];
}

/**
 * How a refresh went, when the summary validated (else it rejects): what to report while the config keeps
 * failing (its error, or `true` on a turn the config sat out), else undefined.
 */
export type RefreshResult = unknown;

/** The card stage's entry point, registered as `window.__statusEmbedCard` when its file runs. */
export interface CardStage {
  /**
   * A refresh: reads the config (`config-url`, paced after failures), validates the summary (the last good one is
   * kept; an unusable one rejects) and draws the card into `host`'s open shadow root, or nothing if nothing is to
   * be shown.
   */
  refresh(host: HTMLElement, input: CardInput): Promise<RefreshResult>;
  /** Draws again from what it holds (an attribute changed). */
  draw(host: HTMLElement, input: CardInput): void;
  /** Removes the card and forgets the host. */
  clear(host: HTMLElement): void;
}

declare global {
  interface Window {
    __statusEmbedCard?: CardStage;
    /** Where each language's file (status-embed-locale-<language>-<hash>.js) puts its strings when it runs. */
    __statusEmbedLocales?: Record<string, CardStrings>;
  }
}
