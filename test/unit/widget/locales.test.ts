import { describe, expect, it } from 'vitest';
import { chooseLocale, LANGUAGES } from '../../../widget/browser/card-stage/locales';
import { LOCALES } from '../../../widget/browser/card-stage/locales/all';
import { parseOffset, parseZIndex } from '../../../widget/browser/card-stage/options';

/** Every key path of a strings object (`statuses.monitoring`, ...). */
const keys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) => (typeof child === 'object' ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('the card locales', () => {
  it('has at least en, de, fr, es, pt and ja, and strings for exactly the languages the card offers', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'ja', 'pt']));
    expect(Object.keys(LOCALES).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [locale, strings] of Object.entries(LOCALES)) {
    it(`${locale} has every key English has, each a non-empty string, and "+N more" with its count`, () => {
      expect(keys(strings).sort()).toEqual(keys(LOCALES.en!).sort());
      for (const key of keys(strings)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      }
      expect(strings.more).toContain('{n}');
    });
  }

  it('the locales differ from English (each was translated)', () => {
    for (const [locale, strings] of Object.entries(LOCALES)) if (locale !== 'en') expect(strings.dismiss, locale).not.toBe(LOCALES.en!.dismiss);
  });
});

describe('chooseLocale', () => {
  it('takes the first candidate whose language it has, keeping its region for dates', () => {
    expect(chooseLocale(['pt-BR', 'en'])).toEqual({ tag: 'pt-BR', language: 'pt' });
    expect(chooseLocale([null, 'it', 'de-AT'])).toEqual({ tag: 'de-AT', language: 'de' });
    expect(chooseLocale(['not a tag!!', 'ja'])).toEqual({ tag: 'ja', language: 'ja' });
    expect(chooseLocale(['EN-gb'])).toEqual({ tag: 'en-GB', language: 'en' });
  });

  it('falls back to English', () => {
    expect(chooseLocale(['it', 'nl', undefined])).toEqual({ tag: 'en', language: 'en' });
  });
});

describe('offset and z-index', () => {
  it('reads one or two whole pixel values, and refuses the rest', () => {
    expect(parseOffset('24')).toEqual({ side: 24, edge: 24 });
    expect(parseOffset(' 24  96 ')).toEqual({ side: 24, edge: 96 });
    for (const bad of ['', '24px', '-4', '1 2 3', '1e3', '24;top:0', '99999']) expect(parseOffset(bad), bad).toBeUndefined();
  });

  it('reads an integer z-index within 32 bits', () => {
    expect(parseZIndex('10')).toBe(10);
    expect(parseZIndex('-1')).toBe(-1);
    for (const bad of ['', '1.5', 'auto', '99999999999', '10;color:red']) expect(parseZIndex(bad), bad).toBeUndefined();
  });
});
