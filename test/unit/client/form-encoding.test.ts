import { describe, expect, it } from 'vitest';
import { encodeForm, InvalidRequestError } from '../../../shared/client';

describe('encodeForm (bracket notation of the API docs)', () => {
  it('writes a nested object as name[field]=value', () => {
    expect(encodeForm({ status_embed_config: { position: 'bottom-left', incident_text_color: '#ffffff' } })).toBe(
      'status_embed_config[position]=bottom-left&status_embed_config[incident_text_color]=%23ffffff',
    );
  });

  it('writes list items as name[]=value', () => {
    expect(encodeForm({ incident: { name: 'DB down', components: ['c1', 'c2'] } })).toBe(
      'incident[name]=DB%20down&incident[components][]=c1&incident[components][]=c2',
    );
  });

  it('writes permissions two levels deep, booleans as true/false', () => {
    expect(encodeForm({ pages: { p1: { page_configuration: false, incident_manager: true } } })).toBe(
      'pages[p1][page_configuration]=false&pages[p1][incident_manager]=true',
    );
  });

  it('keeps a page without RBAC (an empty object) as the bare key with an empty value', () => {
    expect(encodeForm({ pages: { p1: { incident_manager: true }, p2: {} } })).toBe('pages[p1][incident_manager]=true&pages[p2]=');
  });

  it('percent-encodes names and values, but leaves the brackets readable', () => {
    expect(encodeForm({ a: { 'b c': 'x&y=z', é: 'ü' } })).toBe('a[b%20c]=x%26y%3Dz&a[%C3%A9]=%C3%BC');
  });

  it('skips undefined, writes null as empty, numbers as digits', () => {
    expect(encodeForm({ a: undefined, b: null, c: 42 })).toBe('b=&c=42');
  });

  it('refuses what bracket notation cannot say, naming where', () => {
    expect(() => encodeForm({ pages: { 'p]1': {} } })).toThrow(InvalidRequestError);
    expect(() => encodeForm({ incident: { components: [] } })).toThrow(/incident\[components\]/);
    expect(() => encodeForm({ when: new Date(0) })).toThrow(/when/);
    expect(() => encodeForm({ n: Number.NaN })).toThrow(InvalidRequestError);
  });
});
