import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../shared/client';
import { parseBracketForm } from '../../sandbox';

// The sandbox reads every form body with qs (sandbox/http/form.ts): an independent reading of the client's encoding.

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

  it('treats constructor, toString and prototype as data, and refuses __proto__ (qs would drop it silently)', () => {
    const parsed = parseBracketForm('constructor[prototype][x]=1&toString=2&hasOwnProperty[a]=3');
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(plain(parsed)).toEqual({ constructor: { prototype: { x: '1' } }, toString: '2', hasOwnProperty: { a: '3' } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(() => parseBracketForm('__proto__[polluted]=yes')).toThrow(/"__proto__\[polluted\]" uses __proto__/);
    expect(() => parseBracketForm('pages[__proto__][incident_manager]=true')).toThrow(/uses __proto__/);
    expect(() => parseBracketForm('pages%5B__proto__%5D=')).toThrow(/uses __proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads what Rails would refuse as qs does; the endpoints then refuse the shape (see the form tests below)', () => {
    expect(plain(parseBracketForm('a[b=1'))).toEqual({ a: { '[b': '1' } });
    expect(plain(parseBracketForm('a=1&a[b]=2'))).toEqual({ a: ['1', { b: '2' }] });
    expect(plain(parseBracketForm('a[][b]=1'))).toEqual({ a: [{ b: '1' }] });
  });

  it.each([
    ['a=%zz', /malformed percent-encoding in a field value "%zz"/],
    ['a%zz=1', /malformed percent-encoding in a field name/],
    ['a[b][c][d][e][f][g][h]=1', null],
    ['a[b][c][d][e][f][g][h][i]=1', /nested too deeply: at most 8 levels/],
    [`a${'['.repeat(5000)}=1`, null], // no closing bracket: one long name, as qs reads it
    [`a${'[x]'.repeat(5000)}=1`, /nested too deeply: at most 8 levels/],
    [Array.from({ length: 1000 }, (_, i) => `k${i}=v`).join('&'), null],
    [Array.from({ length: 1001 }, (_, i) => `k${i}=v`).join('&'), /too many fields \(more than 1000\)/],
    [Array.from({ length: 101 }, () => 'a[]=v').join('&'), /a list \(name\[\]\) has more than 100 items/],
  ])('limits: %s', (text, message) => {
    if (message === null) expect(() => parseBracketForm(text)).not.toThrow();
    else expect(() => parseBracketForm(text)).toThrow(message);
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
