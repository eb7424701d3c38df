import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  normalizeHexColour,
  readErrorMessage,
  StatusEmbedConfig,
  StatusEmbedConfigChanges,
  StatusEmbedConfigReplacement,
} from '../../../shared/schemas';

const full = {
  position: 'bottom-left',
  incident_background_color: '#ff0000',
  incident_text_color: '#fff',
  maintenance_background_color: '#0000FF',
  maintenance_text_color: '#ffffff',
};

function issues(schema: typeof StatusEmbedConfigChanges | typeof StatusEmbedConfigReplacement, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(describeIssue);
}

describe('StatusEmbedConfig (read leniently)', () => {
  it('keeps any string, null, and fields it does not know', () => {
    const body = { page_id: 'p1', position: 'middle-ish', incident_text_color: null, extra: true };
    expect(StatusEmbedConfig.parse(body)).toEqual(body);
  });

  it('still refuses a field of the wrong type', () => {
    expect(StatusEmbedConfig.safeParse({ position: 3 }).success).toBe(false);
  });
});

describe('embed config writes (checked strictly)', () => {
  it('takes a known corner in either spelling and hex colours', () => {
    expect(issues(StatusEmbedConfigChanges, { position: 'bottom_right' })).toEqual([]);
    expect(issues(StatusEmbedConfigChanges, { incident_text_color: '#ABC' })).toEqual([]);
    expect(issues(StatusEmbedConfigReplacement, full)).toEqual([]);
  });

  it('refuses what the API should never see, naming the field', () => {
    expect(issues(StatusEmbedConfigChanges, { incident_text_color: 'red' })).toEqual([
      'incident_text_color: must be a colour written #rgb or #rrggbb',
    ]);
    expect(issues(StatusEmbedConfigChanges, { maintenance_background_color: '#12345' })).toHaveLength(1);
    expect(issues(StatusEmbedConfigChanges, { incident_background_color: 'red;background:url(x)' })).toHaveLength(1);
    expect(issues(StatusEmbedConfigChanges, { position: 'center' })).toEqual([
      'position: must be one of bottom-left, bottom-right, top-left, top-right',
    ]);
    expect(issues(StatusEmbedConfigChanges, { page_id: 'p1' })).toEqual(['(root): unknown field page_id']);
  });

  it('wants all five fields in a replacement', () => {
    const { maintenance_text_color: _, ...four } = full;
    expect(issues(StatusEmbedConfigReplacement, four)).toEqual(['maintenance_text_color: expected string']);
  });

  it('writes colours as #rrggbb', () => {
    expect(normalizeHexColour('#ABC')).toBe('#aabbcc');
    expect(normalizeHexColour(' #0000FF ')).toBe('#0000ff');
    expect(normalizeHexColour('blue')).toBeUndefined();
  });
});

describe('readErrorMessage', () => {
  it('reads {message}, {error} as text or list, else the raw text', () => {
    expect(readErrorMessage('{"message":"Not found"}')).toBe('Not found');
    expect(readErrorMessage('{"error":"Forbidden"}')).toBe('Forbidden');
    expect(readErrorMessage('{"error":["a","b"]}')).toBe('a; b');
    expect(readErrorMessage('Bad Gateway')).toBe('Bad Gateway');
    expect(readErrorMessage('  ')).toBeUndefined();
    expect(readErrorMessage('x'.repeat(600))).toHaveLength(501);
  });
});
