import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../../scripts/lint/check-imports.mjs';
import { checkImports } from '../../../scripts/lint/import-rules.mjs';

// The rules of docs/architecture.md catch what they are meant to catch: each forbidden import below is found, and
// the repository as it stands has none.

const edge = (from: string, to: string | undefined, specifier = to ?? '') => ({ from, to, specifier, typeOnly: false });
const rulesBroken = (edges: ReturnType<typeof edge>[]) => checkImports(edges).map((violation) => violation.rule);

describe('import rules', () => {
  it('catch a face importing another face, the sandbox importing shared/, and shared/ importing Node', () => {
    expect(rulesBroken([edge('sandbox/server.ts', 'shared/schemas/page.ts')])).toEqual(['sandbox-is-independent']);
    expect(rulesBroken([edge('widget/browser/mount/mount.ts', 'extension/popup/App.tsx')])).toEqual(['widget-imports-no-other-face']);
    expect(rulesBroken([edge('extension/popup/App.tsx', 'widget/browser/mount/mount.ts')])).toEqual(['extension-borrows-only-the-card']);
    expect(rulesBroken([edge('shared/client/request.ts', undefined, 'node:fs')])).toEqual(['shared-knows-no-face']);
    expect(rulesBroken([edge('extension/embed/EmbedPreview.tsx', 'widget/browser/card/StatusEmbed.ts')])).toEqual([]);
    // The shared folder is also the npm package: a folder import would be read through its package.json exports.
    expect(rulesBroken([edge('extension/ui/error-text.ts', 'shared/index.ts', '../../shared')])).toEqual(['shared-by-file']);
    expect(rulesBroken([edge('extension/ui/error-text.ts', 'shared/index.ts', '../../shared/index')])).toEqual([]);
  });

  it("catch the widget's browser code reaching the management client, and allow its server side", () => {
    expect(rulesBroken([edge('widget/browser/mount/element.ts', 'shared/client/create-client.ts')])).toEqual(['widget-browser-code-carries-no-key']);
    expect(rulesBroken([edge('widget/browser/mount/element.ts', 'shared/index.ts')])).toEqual(['widget-browser-code-carries-no-key']);
    expect(rulesBroken([edge('widget/config-endpoint/handler.ts', 'shared/client/create-client.ts')])).toEqual([]);
  });

  it('catch a lower extension folder importing a higher one, and page code reaching storage', () => {
    expect(rulesBroken([edge('extension/storage/keyed-item.ts', 'extension/embed/embed-draft.ts')])).toEqual(['extension-layers']);
    expect(rulesBroken([edge('extension/embed/EmbedTab.tsx', 'extension/storage/keyed-item.ts')])).toEqual([]);
    expect(rulesBroken([edge('extension/jobs/engine.ts', 'extension/saves/save-kind.ts')])).toEqual(['extension-layers']);
    expect(rulesBroken([edge('extension/preview/page/page-listener.ts', 'extension/storage/stored-item.ts')])).toEqual(['page-scripts-hold-no-key']);
  });

  it('catch a feature importing a sibling feature, and allow what they share below them', () => {
    const [broken] = checkImports([edge('extension/permissions/PermissionsTable.tsx', 'extension/embed/PagePicker.tsx')]);
    expect(broken?.rule).toBe('extension-layers');
    expect(broken?.reason).toContain('sibling features do not import each other');
    expect(rulesBroken([edge('extension/team-access/bulk/bulk-plan.ts', 'extension/permissions/permission-reads.ts')])).toEqual(['extension-layers']);
    expect(rulesBroken([edge('extension/permissions/PermissionsTable.tsx', 'extension/organization/status-domain.ts')])).toEqual([]);
    expect(rulesBroken([edge('extension/team-access/bulk/bulk-plan.ts', 'extension/access/permission-diff.ts')])).toEqual([]);
    expect(rulesBroken([edge('extension/team-access/page/TeamAccessApp.tsx', 'extension/team-access/scan/ScanBar.tsx')])).toEqual([]);
  });

  it('let team-members extend the Team access page from above it, and catch the page importing it back', () => {
    expect(rulesBroken([edge('extension/team-members/offboard-plan.ts', 'extension/team-access/bulk/bulk-plan.ts')])).toEqual([]);
    expect(rulesBroken([edge('extension/team-access/page/TeamAccessApp.tsx', 'extension/team-members/MembersPanel.tsx')])).toEqual([
      'extension-layers',
    ]);
    expect(rulesBroken([edge('extension/permissions/PermissionsTab.tsx', 'extension/team-members/templates.ts')])).toEqual(['extension-layers']);
    expect(rulesBroken([edge('extension/entrypoints/team-access/main.tsx', 'extension/team-members/MembersPanel.tsx')])).toEqual([]);
  });

  it("catch an import cycle with Biome's noImportCycles, and let a type-only import close a loop", () => {
    mkdirSync('.test-results', { recursive: true });
    const dir = mkdtempSync(resolve('.test-results/cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      writeFileSync(join(dir, 'c.ts'), "import type { d } from './d';\nexport const c = (x: typeof d) => x;\n");
      writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
      // The folder is git-ignored (test output): told to read it anyway, with the repository's own configuration.
      const lint = spawnSync(resolve('node_modules/.bin/biome'), ['lint', '--vcs-use-ignore-file=false', '--max-diagnostics=50', dir], {
        encoding: 'utf8',
      });
      const output = lint.stdout + lint.stderr;
      const cyclic = [...output.matchAll(/([abcd])\.ts:\d+:\d+ lint\/suspicious\/noImportCycles/g)].map((match) => match[1]).sort();
      expect(cyclic).toEqual(['a', 'b']);
      expect(lint.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('read imports the way the code writes them, and the repository breaks none of the rules', () => {
    const edges = importsOf(['extension/popup/start.tsx']);
    expect(edges.map((found) => found.to)).toContain('extension/popup/App.tsx');
    const result = spawnSync('node', ['scripts/lint/check-imports.mjs'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('a TypeScript project per face', () => {
  /** Type-checks one probe file under a face's tsconfig (extended from a temporary folder) and returns tsc's output. */
  function probe(faceConfig: string, source: string): { ok: boolean; output: string } {
    // Inside the repository (an ignored folder), so that the face's `types` resolve from its node_modules.
    mkdirSync('.test-results', { recursive: true });
    const dir = mkdtempSync(resolve('.test-results/tsprobe-'));
    try {
      writeFileSync(join(dir, 'probe.ts'), source);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: resolve(faceConfig), include: ['probe.ts'] }));
      try {
        execFileSync(resolve('node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' });
        return { ok: true, output: '' };
      } catch (error) {
        return { ok: false, output: String((error as { stdout?: string }).stdout) };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('shared/ has no DOM and no Node, but has fetch', () => {
    expect(probe('shared/tsconfig.json', 'export const title = document.title;\n').output).toContain("Cannot find name 'document'");
    expect(probe('shared/tsconfig.json', 'export const cwd = process.cwd();\n').output).toContain("Cannot find name 'process'");
    expect(probe('shared/tsconfig.json', 'export const get = (url: string) => fetch(url);\n').ok).toBe(true);
  });

  it("the widget's browser code has the DOM and no Node; its server side has Node", () => {
    expect(probe('widget/tsconfig.json', 'export const title = document.title;\n').ok).toBe(true);
    expect(probe('widget/tsconfig.json', 'export const cwd = process.cwd();\n').output).toContain("Cannot find name 'process'");
    expect(probe('widget/tsconfig.server.json', 'export const cwd = process.cwd();\n').ok).toBe(true);
  });
});
