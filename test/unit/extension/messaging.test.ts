import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RateLimitedError, UnauthorizedError, UnprocessableEntityError } from '../../../shared/index';
import { BACKGROUND_PARTS as FEATURES } from '../../../extension/background/features';
import { registerHandlers, routeTable } from '../../../extension/background/routes';
import { toOutcome, unwrap, type Outcome } from '../../../extension/messaging/outcome';
import { messenger } from '../../../extension/messaging/protocol';
import { isManageStatuspageUrl, senderKind } from '../../../extension/messaging/sender';

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

describe('feature registration', () => {
  it('composes the route table from the features list: each message once, a feature left out takes its messages along', () => {
    const names = [...routeTable().keys()];
    expect(names).toEqual(expect.arrayContaining(['connect', 'cancelSave', 'saveEmbed', 'savePermissions', 'teamAccessScan']));
    expect(new Set(names).size).toBe(names.length);
    const withoutTeamAccess = FEATURES.filter((feature) => !('teamAccessScan' in feature.messages));
    expect([...routeTable(withoutTeamAccess).keys()].filter((name) => name.startsWith('teamAccess'))).toEqual([]);
    expect(() => routeTable([...FEATURES, FEATURES[0]!])).toThrow('Message "connect" is declared by two features');
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
  const manageTab = {
    id: ID,
    url: 'https://manage.statuspage.io/pages/abcd1234/status-embed',
    tab: { id: 7, url: 'https://manage.statuspage.io/pages/abcd1234/status-embed' },
  };

  it('refuses a message from an unknown sender', async () => {
    const outcome = await messenger.sendMessage('refreshPages', undefined);
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringContaining('Refused "refreshPages"') } });
  });

  it('keeps what only the popup may ask away from content scripts', async () => {
    // The in-page preview is fed by the popup over a port: no background message is a content script's to send.
    const everyType = [...routeTable().keys()];
    expect(everyType).toEqual(expect.arrayContaining(['connect', 'saveEmbed', 'savePermissions', 'removeConnection']));
    for (const type of everyType) {
      const outcome = await sendAs(manageTab, type, {});
      expect(outcome).toMatchObject({ ok: false, error: { message: `Refused "${type}" from this sender` } });
    }
  });

  it('answers the popup, and says so when no key is set up', async () => {
    const outcome = await sendAs(popup, 'refreshPages');
    expect(outcome).toMatchObject({ ok: false, error: { name: 'UnauthorizedError', status: 401 } });
    expect(() => unwrap(outcome)).toThrow(UnauthorizedError);
  });

  it('never logs a message, nor puts the key in an answer: connect carries the key', async () => {
    const apiKey = 'sk-secret-0123456789';
    const logged: unknown[] = [];
    const spies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(...args)),
    );
    try {
      const outcome = await sendAs(popup, 'connect', { apiKey, organizationId: 'org-with/slash', apiBaseUrl: '' });
      expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidRequestError', field: 'organizationId' } });
      expect(JSON.stringify(outcome)).not.toContain(apiKey);
      expect(JSON.stringify(logged)).not.toContain(apiKey);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('refuses malformed data before doing anything', async () => {
    const outcome = await sendAs(popup, 'refreshEmbedConfig', '../../organizations');
    expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidRequestError' } });
  });

  it('refuses __proto__ and its kin as ids', async () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const outcome = await sendAs(popup, 'refreshPermissions', id);
      expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidRequestError', message: expect.stringContaining('cannot be an id') } });
    }
  });

  it('refuses a field the schema does not know, rather than dropping it on the way', async () => {
    const request = { connectionId: 'c0conn1', pageId: 'p1', label: 'Acme', changes: { position: 'top-left' }, note: 'not in the schema' };
    const outcome = await sendAs(popup, 'saveEmbed', request);
    expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidRequestError', message: expect.stringContaining('unknown field note') } });
  });
});
