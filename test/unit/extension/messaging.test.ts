import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RateLimitedError, UnauthorizedError, UnprocessableEntityError } from '../../../shared';
import { registerHandlers } from '../../../extension/background/handlers';
import { toOutcome, unwrap, type Outcome } from '../../../extension/messaging/outcome';
import { messenger } from '../../../extension/messaging/protocol';
import { isManageStatuspageUrl, senderKind } from '../../../extension/messaging/sender';
import { embedConfigCache, cached } from '../../../extension/storage/cache';
import { embedDraftItem } from '../../../extension/storage/drafts';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;

describe('senderKind', () => {
  it('tells our pages, our content scripts and anything else apart', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html`, tab: { id: 3 } as never }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: 'https://manage.statuspage.io/pages/x', tab: { id: 3 } as never }, ID, ORIGIN)).toBe('content-script');
    expect(senderKind({ id: 'another-extension', url: `chrome-extension://another-extension/popup.html` }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({}, ID, ORIGIN)).toBe('foreign');
  });

  it('knows manage.statuspage.io over https only', () => {
    expect(isManageStatuspageUrl('https://manage.statuspage.io/pages/abc')).toBe(true);
    expect(isManageStatuspageUrl('http://manage.statuspage.io/pages/abc')).toBe(false);
    expect(isManageStatuspageUrl('https://manage.statuspage.io.example.com/')).toBe(false);
    expect(isManageStatuspageUrl(undefined)).toBe(false);
  });
});

describe('Outcome', () => {
  it('carries errors across as their own class', async () => {
    const retryAt = new Date(Date.now() + 5_000);
    const outcome = await toOutcome(async () => {
      throw new RateLimitedError({ retryAt, status: 420, serverMessage: 'slow down' });
    });
    const copied = JSON.parse(JSON.stringify(outcome)) as Outcome<never>; // what extension messaging does to it
    const error = (() => {
      try {
        unwrap(copied);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 420, serverMessage: 'slow down' });
    expect((error as RateLimitedError).retryAt.getTime()).toBe(retryAt.getTime());
    expect(() => unwrap(JSON.parse(JSON.stringify({ ok: false, error: new UnprocessableEntityError({ serverMessage: 'no' }).toJSON() })))).toThrow(
      UnprocessableEntityError,
    );
  });
});

describe('background handlers', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    messenger.removeAllListeners();
    registerHandlers();
  });

  // WXT's fake browser delivers runtime messages with an empty sender: what a stranger would look like.
  async function sendAs(sender: Record<string, unknown>, type: string, data?: unknown): Promise<Outcome<unknown>> {
    let response: unknown;
    const answered = new Promise<void>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, (value: unknown) => {
        response = value;
        resolve();
      });
    });
    await answered;
    return (response as { res: Outcome<unknown> }).res;
  }

  const popup = { id: ID, url: `${ORIGIN}popup.html` };
  const manageTab = { id: ID, url: 'https://manage.statuspage.io/pages/abcd1234/status-embed', tab: { id: 7, url: 'https://manage.statuspage.io/pages/abcd1234/status-embed' } };
  const otherSite = { id: ID, url: 'https://example.com/', tab: { id: 8, url: 'https://example.com/' } };

  it('refuses a message from an unknown sender', async () => {
    const outcome = await messenger.sendMessage('refreshPages', undefined);
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringContaining('Refused "refreshPages"') } });
  });

  it('keeps what only the popup may ask away from content scripts', async () => {
    for (const type of ['connect', 'refreshPages', 'saveEmbed', 'savePermissions', 'disconnect']) {
      const outcome = await sendAs(manageTab, type, {});
      expect(outcome).toMatchObject({ ok: false, error: { message: `Refused "${type}" from this sender` } });
    }
  });

  it('answers the popup, and says so when no key is set up', async () => {
    const outcome = await sendAs(popup, 'refreshPages');
    expect(outcome).toMatchObject({ ok: false, error: { name: 'UnauthorizedError', status: 401 } });
    expect(() => unwrap(outcome)).toThrow(UnauthorizedError);
  });

  it('refuses malformed data before doing anything', async () => {
    const outcome = await sendAs(popup, 'refreshEmbedConfig', '../../organizations');
    expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidRequestError' } });
  });

  it('gives the embed preview (draft over saved config) to a content script on manage.statuspage.io only', async () => {
    await embedConfigCache('abcd1234').setValue(
      cached({ page_id: 'abcd1234', position: 'bottom_left', incident_background_color: '#111111', incident_text_color: '#eeeeee' }),
    );
    expect(await sendAs(manageTab, 'getEmbedPreview', 'abcd1234')).toEqual({
      ok: true,
      value: { position: 'bottom_left', incident_background_color: '#111111', incident_text_color: '#eeeeee' },
    });
    await embedDraftItem('abcd1234').setValue({
      pageId: 'abcd1234',
      base: { page_id: 'abcd1234', position: 'bottom_left', incident_background_color: '#111111', incident_text_color: '#eeeeee' },
      values: {
        position: 'top-right',
        incident_background_color: '#22', // half typed: the saved colour still shows
        incident_text_color: '#ffffff',
        maintenance_background_color: '#000000',
        maintenance_text_color: '#ffffff',
      },
      updatedAt: 1,
    });
    expect(await sendAs(manageTab, 'getEmbedPreview', 'abcd1234')).toEqual({
      ok: true,
      value: {
        position: 'top-right',
        incident_background_color: '#111111',
        incident_text_color: '#ffffff',
        maintenance_background_color: '#000000',
        maintenance_text_color: '#ffffff',
      },
    });
    expect(await sendAs(otherSite, 'getEmbedPreview', 'abcd1234')).toMatchObject({ ok: false, error: { message: 'Not available on this site' } });
  });
});
