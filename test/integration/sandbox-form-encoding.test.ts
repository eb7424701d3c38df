import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../shared/client';
import { parseBracketForm } from '../../sandbox';

// The sandbox's own bracket-notation parser (Rails style), used for every form body it receives.

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('parseBracketForm', () => {
  it('nests bracketed keys and collects [] into lists', () => {
    expect(plain(parseBracketForm('status_embed_config[position]=bottom-left&status_embed_config[incident_text_color]=%23fff'))).toEqual({
      status_embed_config: { position: 'bottom-left', incident_text_color: '#fff' },
    });
    expect(plain(parseBracketForm('pages[abc][incident_manager]=true&pages[abc][page_configuration]=false&pages[def]='))).toEqual({
      pages: { abc: { incident_manager: 'true', page_configuration: 'false' }, def: '' },
    });
    expect(plain(parseBracketForm('incident[components][]=a&incident[components][]=b&x[]=1'))).toEqual({
      incident: { components: ['a', 'b'] },
      x: ['1'],
    });
  });

  it('decodes + and percent-encoding in names and values', () => {
    expect(plain(parseBracketForm('a%5Bb%5D=x+y%20z&c=%C3%A9%26%3D'))).toEqual({ a: { b: 'x y z' }, c: 'é&=' });
  });

  it('keeps the last of a repeated plain field, skips empty pairs, reads a bare name as ""', () => {
    expect(plain(parseBracketForm('a=1&&a=2&b'))).toEqual({ a: '2', b: '' });
    expect(plain(parseBracketForm(''))).toEqual({});
  });

  it('treats __proto__ and constructor as data', () => {
    const parsed = parseBracketForm('__proto__[polluted]=yes&constructor[prototype][x]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plain(parsed)).toEqual(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"x": "1"}}}'));
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
  });

  it.each([
    ['a[b=1', /malformed field name "a\[b"/],
    ['[a]=1', /malformed field name/],
    ['a]b=1', /malformed field name/],
    ['a=1&a[b]=2', /given both as an object and as a value/],
    ['a[b]=2&a=1', /given both as a value and as a list or object/],
    ['a[]=1&a[b]=2', /given both as an object and as a value or list/],
    ['a[b]=1&a[]=2', /given both as a list and as a value or object/],
    ['a[][b]=1', /lists of objects .* are not supported/],
    ['a=%zz', /malformed percent-encoding in the value of a/],
    ['a[b][c][d][e][f][g][h][i]=1', /nested too deeply/],
    [Array.from({ length: 1001 }, (_, i) => `k${i}=v`).join('&'), /too many fields/],
  ])('refuses %s', (text, message) => {
    expect(() => parseBracketForm(text)).toThrow(message);
  });
});

describe("the client's encodeForm read by parseBracketForm", () => {
  it('round-trips', () => {
    const value = { pages: { abc: { incident_manager: 'true' }, def: '' }, list: ['a b', '&='], top: 'é' };
    const encoded = encodeForm(value);
    expect(encoded).toContain('pages[abc][incident_manager]=true');
    expect(plain(parseBracketForm(encoded))).toEqual(value);
  });
});
