// The import rules of docs/architecture.md, as data. `checkImports` applies them to a list of resolved imports;
// scripts/lint/check-imports.mjs reads the tree and reports. (A rule checker of our own: dependency-cruiser parses
// TypeScript only through the TypeScript compiler's API, which TypeScript 7's native compiler does not have.)

/**
 * extension/ folders, lowest first: a folder imports only itself and the folders listed before it. The features
 * (FEATURES) share one level: each may use everything below, never a sibling; what two features share lives below.
 */
export const FEATURES = ['embed', 'permissions', 'team-access', 'side-panel'];
export const EXTENSION_LAYERS = [
  'storage',
  'access',
  'messaging',
  'context',
  'jobs',
  'ui',
  'organization',
  'connection',
  'saves',
  'preview',
  FEATURES,
  // Extends the Team access page (reads its matrix, shares its CSV and plan helpers); the entry point composes them.
  'team-members',
  'popup',
  'background',
  'entrypoints',
];

/** What ships to a customer's page: widget/browser/ (the rest of widget/ runs on a server or at build time). */
const WIDGET_BROWSER = 'widget/browser/';
/** The part of it the extension's previews borrow. */
const WIDGET_CARD = 'widget/browser/card/';
/** What could carry a key: the management client, its limiter, and the barrel that re-exports them. */
const KEY_PLUMBING = /^shared\/(client|rate-limit)\/|^shared\/index\.ts$/;

/** The top-level folder (face) of a repository path, or '' for a root file. */
const faceOf = (path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/**
 * Every rule, each a function of one import (`from` importer path, `to` resolved repository path or undefined for a
 * package, `specifier` as written) returning a reason when the import is forbidden.
 */
export const RULES = [
  {
    name: 'shared-by-file',
    check: ({ from, specifier }) => {
      // shared/ is also the npm package @statuspage-toolkit/client: a bundler reads a folder import through its
      // package.json exports, which point at the build, not the source. Import shared/index (or a file under it).
      if (/^\.{1,2}\/(?:\.\.\/)*shared\/?$/.test(specifier) && !from.startsWith('shared/'))
        return 'import shared/index, not the shared folder: the folder is the npm package, whose exports point at its build';
    },
  },
  {
    name: 'shared-knows-no-face',
    check: ({ from, to, specifier }) => {
      if (faceOf(from) !== 'shared') return;
      if (to && faceOf(to) !== 'shared') return 'shared/ is the core every face builds on: it imports none of them';
      if (!to && /^node:|^(fs|path|os|http|https|crypto|child_process|url)$/.test(specifier)) return 'shared/ runs everywhere: no Node built-ins';
    },
  },
  {
    name: 'sandbox-is-independent',
    check: ({ from, to }) => {
      if (faceOf(from) === 'sandbox' && to && faceOf(to) !== 'sandbox')
        return 'the sandbox must not trust the code it tests: it imports nothing of ours';
    },
  },
  {
    name: 'widget-imports-no-other-face',
    check: ({ from, to }) => {
      if (faceOf(from) === 'widget' && to && !['widget', 'shared'].includes(faceOf(to))) return 'no face imports another face';
    },
  },
  {
    name: 'widget-browser-code-carries-no-key',
    check: ({ from, to }) => {
      if (from.startsWith(WIDGET_BROWSER) && to && KEY_PLUMBING.test(to)) {
        return "what ships to a customer's page never holds the management client (import shared/schemas or shared/embed files instead)";
      }
    },
  },
  {
    name: 'extension-borrows-only-the-card',
    check: ({ from, to }) => {
      if (faceOf(from) !== 'extension' || !to) return;
      if (faceOf(to) === 'widget' && !to.startsWith(WIDGET_CARD)) return `the extension borrows only the widget's card (${WIDGET_CARD})`;
      if (!['extension', 'widget', 'shared'].includes(faceOf(to))) return 'no face imports another face';
    },
  },
  {
    name: 'page-scripts-hold-no-key',
    check: ({ from, to }) => {
      if (!from.startsWith('extension/preview/page/') || !to) return;
      if (
        /^extension\/(connection|saves|storage|organization|ui|embed|permissions|popup|background|jobs|access|team-access|team-members)\//.test(to) ||
        KEY_PLUMBING.test(to)
      ) {
        return 'code that runs in a web page (preview/page) never reaches the key, the client or storage';
      }
    },
  },
  {
    name: 'extension-layers',
    check: ({ from, to }) => {
      if (!from.startsWith('extension/') || !to?.startsWith('extension/')) return;
      const folder = (path) => path.split('/')[1];
      const layer = (path) => EXTENSION_LAYERS.findIndex((entry) => entry === folder(path) || (Array.isArray(entry) && entry.includes(folder(path))));
      const [a, b] = [layer(from), layer(to)];
      if (a >= 0 && b > a) return `extension/${folder(from)}/ may not import extension/${folder(to)}/: a folder imports only the layers below it`;
      if (a >= 0 && a === b && Array.isArray(EXTENSION_LAYERS[a]) && folder(from) !== folder(to))
        return `extension/${folder(from)}/ may not import extension/${folder(to)}/: sibling features do not import each other (what both need lives below them)`;
    },
  },
];

/**
 * Violations (`{ rule, from, to, specifier, reason }`) among `imports`. Import cycles are Biome's `noImportCycles`
 * (biome.jsonc, type-only imports ignored): it finds the same cycles, so this checker has no cycle finder of its own.
 */
export function checkImports(imports) {
  const violations = [];
  for (const edge of imports) {
    for (const rule of RULES) {
      const reason = rule.check(edge);
      if (reason) violations.push({ rule: rule.name, ...edge, reason });
    }
  }
  return violations;
}
