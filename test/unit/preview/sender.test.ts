import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { isPreviewSender } from '../../../extension/preview/page/page-listener';

const origin = browser.runtime.getURL('/').replace(/\/$/, '');
const popup = { id: browser.runtime.id, url: `${origin}/popup.html`, origin };

describe('isPreviewSender', () => {
  it('takes our own extension pages (the popup, also when a test opens it in a tab)', () => {
    expect(isPreviewSender(popup)).toBe(true);
    expect(isPreviewSender({ ...popup, tab: { id: 7 } as never })).toBe(true);
    expect(isPreviewSender({ id: popup.id, url: popup.url })).toBe(true); // a browser that sends no origin
  });

  it("refuses our content scripts in other tabs, other extensions, and senders it can't identify", () => {
    expect(
      isPreviewSender({ id: popup.id, url: 'https://manage.statuspage.io/pages/x', origin: 'https://manage.statuspage.io', tab: { id: 3 } as never }),
    ).toBe(false);
    expect(isPreviewSender({ ...popup, id: 'another-extension' })).toBe(false);
    expect(isPreviewSender({ ...popup, origin: 'https://evil.example' })).toBe(false);
    expect(isPreviewSender({ id: popup.id })).toBe(false);
    expect(isPreviewSender(undefined)).toBe(false);
  });
});
