import { describe, expect, it } from 'vitest';
import {
  embedChanges,
  FALLBACK_EMBED_VALUES,
  hasChanges,
  invalidColourFields,
  unsetFields,
  valuesFromConfig,
} from '../../../extension/embed/embed-draft';
import { embedSnippet } from '../../../extension/embed/snippet';

const server = {
  page_id: 'p1',
  position: 'bottom_right',
  incident_background_color: '#FFF',
  incident_text_color: '#000000',
  maintenance_background_color: '#123456',
  maintenance_text_color: '#abcdef',
};

describe('embedChanges', () => {
  it('sends nothing when only the spelling differs', () => {
    const values = valuesFromConfig(server);
    expect(values.position).toBe('bottom-right');
    expect(values.incident_background_color).toBe('#ffffff');
    expect(hasChanges(embedChanges(server, values))).toBe(false);
  });

  it("sends only the changed fields, the corner in the server's spelling", () => {
    const values = { ...valuesFromConfig(server), position: 'top-left' as const, maintenance_text_color: '#FF0000' };
    expect(embedChanges(server, values)).toEqual({ position: 'top_left', maintenance_text_color: '#ff0000' });
    expect(embedChanges({ ...server, position: 'bottom-right' }, values).position).toBe('top-left');
  });

  it('leaves half-typed colours out and reports them', () => {
    const values = { ...valuesFromConfig(server), incident_text_color: '#12' };
    expect(embedChanges(server, values)).toEqual({});
    expect(invalidColourFields(values)).toEqual(['incident_text_color']);
  });

  it('shows suggestions for fields the server has not set, and names them', () => {
    const empty = { page_id: 'p1', position: 'middle', incident_background_color: null };
    expect(valuesFromConfig(empty)).toEqual(FALLBACK_EMBED_VALUES);
    expect(unsetFields(empty)).toEqual([
      'position',
      'incident_background_color',
      'incident_text_color',
      'maintenance_background_color',
      'maintenance_text_color',
    ]);
    expect(embedChanges(empty, FALLBACK_EMBED_VALUES)).toEqual({});
  });
});

describe('embedSnippet', () => {
  it('loads the embed from the status domain or subdomain', () => {
    expect(embedSnippet({ domain: 'status.example.com', subdomain: 'x' })).toBe('<script src="https://status.example.com/embed/script.js"></script>');
    expect(embedSnippet({ subdomain: 'acme' })).toBe('<script src="https://acme.statuspage.io/embed/script.js"></script>');
    expect(embedSnippet({ subdomain: 'acme.statuspage.io' })).toBe('<script src="https://acme.statuspage.io/embed/script.js"></script>');
  });
  it('refuses anything that is not a plain host name', () => {
    expect(embedSnippet({})).toBeUndefined();
    expect(embedSnippet({ domain: 'x.com"></script><script>alert(1)</script>' })).toBeUndefined();
  });
});
