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

  it('opens the popup with a keyboard shortcut, in both builds', () => {
    const chrome = manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    const firefox = manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });
    expect(chrome.commands).toEqual({ _execute_action: expect.objectContaining({ suggested_key: { default: 'Alt+Shift+S' } }) });
    expect(firefox.commands).toEqual({ _execute_browser_action: expect.objectContaining({ suggested_key: { default: 'Alt+Shift+S' } }) });
  });

  it('lets only the test build reach the local sandbox and read manage.statuspage.io tabs', () => {
    const test = manifest({ browser: 'chrome', manifestVersion: 3, mode: 'test', command: 'build' });
    expect(test.host_permissions).toEqual(['https://api.statuspage.io/*', 'http://127.0.0.1/*', 'https://manage.statuspage.io/*']);
    const store = manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    expect(store.optional_host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'https://*/*']));
  });

  it('keeps the same permissions in the Firefox build', () => {
    const firefox = manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });
    expect(firefox.permissions).toEqual(expect.arrayContaining(['scripting', 'activeTab']));
    expect(firefox.host_permissions).toEqual(['https://api.statuspage.io/*']);
  });
});
