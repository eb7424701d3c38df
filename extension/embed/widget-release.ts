/** The widget release the snippet pins (package, version, file, integrity), written in by the build (wxt.config.ts). */
export interface WidgetRelease {
  packageName: string;
  version: string;
  /** The script tag's file inside the package: `dist/status-embed.js`. */
  file: string;
  /** `sha384-...` from the widget build's integrity manifest. */
  integrity: string;
}

declare const __WIDGET_RELEASE__: WidgetRelease | null;

/** Null only where no widget was built (the unit tests, which pass a release of their own). */
export const WIDGET_RELEASE: WidgetRelease | null = typeof __WIDGET_RELEASE__ === 'undefined' ? null : __WIDGET_RELEASE__;
