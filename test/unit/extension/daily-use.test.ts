import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../shared/client/errors';
import { permissionPrompt } from '../../../extension/connection/permission-prompt';
import { colourOf, readColourInput } from '../../../extension/embed/colour-input';
import { describeError } from '../../../extension/ui/error-text';

describe('readColourInput: what people paste', () => {
  it('reads hex without "#", with spaces, upper case, and 3 digits as the colour meant', () => {
    expect(readColourInput('c0392b')).toEqual({ ok: true, hex: '#c0392b' });
    expect(readColourInput(' #C0392B ')).toEqual({ ok: true, hex: '#c0392b' });
    expect(readColourInput('#abc')).toEqual({ ok: true, hex: '#aabbcc' });
    expect(readColourInput('FFF')).toEqual({ ok: true, hex: '#ffffff' });
  });

  it('refuses anything else with the reason, never a shortened value', () => {
    expect(readColourInput('#c0392')).toEqual({ ok: false, reason: '5 hex digits: a colour has 3 or 6, such as #c0392b' });
    expect(readColourInput(' #c0392b1')).toEqual({ ok: false, reason: '7 hex digits: a colour has 3 or 6, such as #c0392b' });
    expect(readColourInput('red; background:url(x)')).toEqual({
      ok: false,
      reason: '"red; background:url(x)" is not a hex colour: write 3 or 6 hex digits, such as #c0392b',
    });
    expect(readColourInput('')).toMatchObject({ ok: false, reason: 'Enter a colour, such as #c0392b' });
    expect(colourOf('rgb(0,0,0)')).toBeUndefined();
    expect(colourOf(undefined)).toBeUndefined();
  });
});

describe('permissionPrompt: the browser asked for an API origin', () => {
  const never = () => new Promise<boolean>(() => {});
  it('says what it waits for, and Cancel ends the wait even though the prompt never answers', async () => {
    const prompt = permissionPrompt({ request: never, contains: async () => false }, 'http://127.0.0.1/*', '127.0.0.1');
    expect(prompt.waitingText).toBe("Allow access to 127.0.0.1 in the browser's prompt to continue.");
    prompt.cancel();
    expect(await prompt.answer).toBe('cancelled');
    expect(prompt.explain('cancelled')).toContain('Not connected: access to 127.0.0.1 was not allowed yet');
  });

  it('tells a refusal from a grant, and reads a failed request (Firefox, already granted) from contains()', async () => {
    expect(await permissionPrompt({ request: async () => false, contains: async () => false }, 'x', 'h').answer).toBe('refused');
    expect(await permissionPrompt({ request: async () => true, contains: async () => false }, 'x', 'h').answer).toBe('granted');
    const failing = { request: () => Promise.reject(new Error('not optional')), contains: async () => true };
    expect(await permissionPrompt(failing, 'x', 'h').answer).toBe('granted');
    expect(permissionPrompt(failing, 'x', 'proxy.example').explain('refused')).toBe(
      'The browser did not allow access to proxy.example: without it the extension cannot reach this API. Connect again and choose Allow.',
    );
  });
});

describe('describeError: a network failure names the address', () => {
  const failed = new NetworkError('Could not reach Statuspage: Failed to fetch');
  it('names the sandbox or proxy, its likely causes, and where to change it', () => {
    const text = describeError(failed, undefined, 'http://127.0.0.1:4100/v1').message;
    expect(text).toBe(
      'Could not reach 127.0.0.1:4100 (the API base URL http://127.0.0.1:4100/v1): the server there may be stopped or the address wrong, or this computer is offline. Check it under Connections.',
    );
    expect(text).not.toContain('Failed to fetch');
  });

  it('names Statuspage itself for the real API', () => {
    expect(describeError(failed, undefined, 'https://api.statuspage.io/v1').message).toContain(
      'Could not reach api.statuspage.io: this computer may be offline',
    );
  });
});
