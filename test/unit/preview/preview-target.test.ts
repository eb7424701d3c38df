import { describe, expect, it } from 'vitest';
import { previewTargetKind } from '../../../extension/preview/popup/preview-target';

describe('previewTargetKind', () => {
  it('knows manage.statuspage.io, where the content script listens', () => {
    expect(previewTargetKind('https://manage.statuspage.io/pages/abc123/status-embed')).toBe('manage');
    expect(previewTargetKind('http://manage.statuspage.io/')).toBe('site'); // not our content script's match
  });

  it('offers any other web page, and a tab whose URL it may not read yet', () => {
    expect(previewTargetKind('https://www.acme.example/pricing')).toBe('site');
    expect(previewTargetKind('http://127.0.0.1:4173/demo')).toBe('site');
    expect(previewTargetKind(undefined)).toBe('site');
  });

  it('refuses pages no extension may script', () => {
    for (const url of [
      'chrome://settings',
      'chrome-extension://abc/popup.html',
      'about:blank',
      'https://chromewebstore.google.com/detail/x',
      'view-source:https://a.example',
      'not a url',
    ]) {
      expect(previewTargetKind(url), url).toBe('unavailable');
    }
  });
});
