import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { DEFAULT_API_ORIGIN_PATTERN } from './extension/connection/api-base-url';
import { pageChunks } from './scripts/build/page-chunks';

// The store build may reach only the real API; any other API origin (a sandbox, a proxy) is asked for at
// run time from the popup's advanced setting. The test build (`wxt build --mode test`, its own output
// folder) may also reach the local sandbox, and may read manage.statuspage.io tab URLs, which stands in
// for the activeTab grant a test cannot click for (see docs/extension.md).
const API_ORIGIN = DEFAULT_API_ORIGIN_PATTERN;
const RUNTIME_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
const TEST_ORIGINS = ['http://127.0.0.1/*', 'https://manage.statuspage.io/*'];
// Pages that exist only for the tests and the benchmark.
const TEST_ONLY_ENTRYPOINTS = ['blank'];

// The widget release the popup's "Copy widget snippet" pins: package, exact version, the script tag's file and its
// Subresource Integrity hash, read from the widget build's integrity manifest (dist/widget/integrity.json), never
// typed by hand. `npm run build` builds the widget first; an extension build without it stops and says so.
const WIDGET_PACKAGE = '@statuspage-toolkit/status-embed';
const WIDGET_FILE = 'status-embed.js';
const WIDGET_MANIFEST = 'dist/widget/integrity.json';
function widgetRelease(): unknown {
  if (!existsSync(WIDGET_MANIFEST)) return null; // `wxt prepare` and the unit tests; a build stops at build:before
  const integrity = (JSON.parse(readFileSync(WIDGET_MANIFEST, 'utf8')) as Record<string, string>)[WIDGET_FILE];
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return { packageName: WIDGET_PACKAGE, version, file: `dist/${WIDGET_FILE}`, integrity };
}

export default defineConfig({
  vite: () => ({
    define: { __WIDGET_RELEASE__: JSON.stringify(widgetRelease()) },
    // Each page loads few files (scripts/build/page-chunks.ts): a file costs an extension page milliseconds to open.
    // Only the pages' build (ES modules): the content scripts are single IIFE files, which take no code splitting.
    plugins: [
      {
        name: 'page-chunks',
        outputOptions: (output: { format?: string }) => (output.format === 'es' ? { ...output, codeSplitting: pageChunks() } : output),
      },
    ],
    // WXT sets NODE_ENV to the mode, so the test build (`--mode test`) compiled JSX for development (each element with
    // its source file and line): the tests and the benchmarks ran a slower popup than the store's.
    oxc: { jsx: { development: false } },
  }),
  srcDir: 'extension',
  publicDir: 'extension/public',
  manifest: ({ browser, manifestVersion, mode }) => {
    const hostPermissions = mode === 'test' ? [API_ORIGIN, ...TEST_ORIGINS] : [API_ORIGIN];
    const optionalOrigins = RUNTIME_ORIGINS.filter((origin) => !hostPermissions.includes(origin));
    return {
      name: 'Statuspage Toolkit',
      description: "Edit a Statuspage page's status embed and your team's page roles from the toolbar.",
      // scripting + activeTab: "Preview on this tab" injects the in-page preview on request, with no host permission.
      // contextMenus: "Open Team access" on the toolbar button's menu.
      permissions: ['storage', 'activeTab', 'alarms', 'scripting', 'contextMenus'],
      host_permissions: hostPermissions,
      // MV3 keeps optional origins apart; MV2 (the Firefox build) lists them with the optional permissions.
      ...(manifestVersion === 3 ? { optional_host_permissions: optionalOrigins } : { optional_permissions: optionalOrigins }),
      action: { default_title: 'Statuspage Toolkit' },
      commands: {
        [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
          suggested_key: { default: 'Alt+Shift+S' },
          description: 'Open Statuspage Toolkit',
        },
      },
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: {
            id: 'statuspage-toolkit@statuspage-toolkit.dev',
            // data_collection_permissions needs Firefox 140 (142 on Android).
            strict_min_version: '140.0',
            // The key and the edits go to the Statuspage API the admin points it at, and nowhere else.
            data_collection_permissions: { required: ['none'] },
          },
          gecko_android: { strict_min_version: '142.0' },
        },
      }),
    };
  },
  hooks: {
    // A build (or zip) without the widget's integrity manifest would hand out no snippet: stop and say why.
    'build:before': () => {
      if (!existsSync(WIDGET_MANIFEST))
        throw new Error(`No ${WIDGET_MANIFEST}: build the widget first (npm run build:widget); the popup's widget snippet pins its integrity`);
    },
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'test') return;
      for (let i = entrypoints.length - 1; i >= 0; i--) {
        if (TEST_ONLY_ENTRYPOINTS.includes(entrypoints[i]!.name)) entrypoints.splice(i, 1);
      }
    },
  },
});
