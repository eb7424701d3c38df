import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoaderKit } from '../../../widget/browser/card-stage/protocol';
import { LOCALES } from '../../../widget/browser/card-stage/locales/all';

// The module holds what it loaded for the page: a fresh copy per test.
let source: typeof import('../../../widget/browser/card-stage/strings-source');
beforeEach(async () => {
  vi.resetModules();
  source = await import('../../../widget/browser/card-stage/strings-source');
});

const kitWith = (warn = vi.fn()): LoaderKit => ({ f: vi.fn(), w: warn, c: vi.fn(), s: vi.fn(), d: vi.fn(() => []) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('stringsFor', () => {
  it('gives English at once, without loading anything', () => {
    const load = vi.fn();
    source.setStringsLoader(load);
    expect(source.stringsFor({ tag: 'en-GB', language: 'en' }, kitWith(), vi.fn())).toEqual({ tag: 'en-GB', strings: LOCALES.en });
    expect(load).not.toHaveBeenCalled();
  });

  it('loads another language once, calls back each waiting draw, then gives it at once', async () => {
    const load = vi.fn(async () => LOCALES.de);
    source.setStringsLoader(load);
    const kit = kitWith();
    const first = vi.fn();
    const second = vi.fn();
    expect(source.stringsFor({ tag: 'de-AT', language: 'de' }, kit, first)).toBeUndefined();
    expect(source.stringsFor({ tag: 'de', language: 'de' }, kit, second)).toBeUndefined();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith('de', kit);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(source.stringsFor({ tag: 'de-AT', language: 'de' }, kit, vi.fn())).toEqual({ tag: 'de-AT', strings: LOCALES.de });
  });

  it('falls back to English, with its lang and one warning, when the file cannot be had; and never asks again', async () => {
    const load = vi.fn(async () => {
      throw new Error('could not load https://cdn.test/status-embed-locale-ja-x.js');
    });
    source.setStringsLoader(load);
    const warn = vi.fn();
    const redraw = vi.fn();
    expect(source.stringsFor({ tag: 'ja', language: 'ja' }, kitWith(warn), redraw)).toBeUndefined();
    await settle();
    expect(redraw).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/ja/);
    expect(source.stringsFor({ tag: 'ja', language: 'ja' }, kitWith(warn), redraw)).toEqual({ tag: 'en', strings: LOCALES.en });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes a file that registered nothing as a failure (English), not as a language to ask for forever', async () => {
    source.setStringsLoader(async () => undefined as never);
    expect(source.stringsFor({ tag: 'fr', language: 'fr' }, kitWith(), vi.fn())).toBeUndefined();
    await settle();
    expect(source.stringsFor({ tag: 'fr', language: 'fr' }, kitWith(), vi.fn())).toEqual({ tag: 'en', strings: LOCALES.en });
  });

  it('holds every language at once for the ES module', () => {
    const load = vi.fn();
    source.setStringsLoader(load);
    source.holdStrings(LOCALES);
    expect(source.stringsFor({ tag: 'pt-BR', language: 'pt' }, kitWith(), vi.fn())).toEqual({ tag: 'pt-BR', strings: LOCALES.pt });
    expect(load).not.toHaveBeenCalled();
  });
});
