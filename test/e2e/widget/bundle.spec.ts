// The built files themselves (no browser needed): what the script-tag file must never contain (Preact's
// innerHTML path for dangerouslySetInnerHTML is there, but the card never uses that prop), and the
// declarations a bundler user gets.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './widget-fixtures';
import { widgetScript } from './customer-site';

test('the script-tag file holds no management client, no key plumbing and no eval', () => {
  const code = widgetScript();
  for (const marker of ['OAuth', 'api.statuspage.io', 'status_embed_config', 'Authorization', 'api_key', 'new Function', 'eval(']) {
    expect(code, marker).not.toContain(marker);
  }
});

test('the ES module and its declarations are built next to it', () => {
  const esm = resolve('dist/widget/status-embed.mjs');
  const types = resolve('dist/widget/status-embed.d.ts');
  expect(existsSync(esm)).toBe(true);
  expect(readFileSync(esm, 'utf8')).not.toContain('OAuth');
  const entry = readFileSync(resolve('dist/widget/types/widget/status-embed.d.ts'), 'utf8');
  expect(readFileSync(types, 'utf8')).toContain('./types/widget/status-embed');
  expect(entry).toMatch(/export \{ mount \}|export .*mount/);
  expect(entry).toContain('StatusEmbedElement');
  expect(entry).toContain('MountOptions');
});
