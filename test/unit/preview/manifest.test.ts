import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' }) => Record<string, unknown>;
const manifest = config.manifest as ManifestFn;

describe('the store manifest and the in-page preview', () => {
  it('asks for scripting and activeTab, and for no host beyond the Statuspage API', () => {
    const store = manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    expect(store.permissions).toEqual(expect.arrayContaining(['scripting', 'activeTab']));
    expect(store.permissions).not.toContain('tabs');
    expect(store.host_permissions).toEqual(['https://api.statuspage.io/*']);
  });

  it('keeps the same permissions in the Firefox build', () => {
    const firefox = manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });
    expect(firefox.permissions).toEqual(expect.arrayContaining(['scripting', 'activeTab']));
    expect(firefox.host_permissions).toEqual(['https://api.statuspage.io/*']);
  });
});
