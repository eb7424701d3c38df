import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_CONFIG, mergeEmbedConfig, resolveEmbedConfig } from '../../../shared/embed';

describe('resolveEmbedConfig', () => {
  it('fills every missing field with its default', () => {
    expect(resolveEmbedConfig(undefined)).toEqual(DEFAULT_EMBED_CONFIG);
    expect(resolveEmbedConfig({ maintenance_text_color: null })).toEqual(DEFAULT_EMBED_CONFIG);
  });

  it('reads both corner spellings and normalises colours', () => {
    expect(resolveEmbedConfig({ position: 'bottom_right', incident_text_color: ' #ABC ' })).toMatchObject({
      position: 'bottom-right',
      incident_text_color: '#aabbcc',
    });
  });

  it('refuses anything that is not a corner or a #hex colour', () => {
    const resolved = resolveEmbedConfig({
      position: 'middle',
      incident_background_color: 'red;background:url(//x)',
      incident_text_color: 'red',
      maintenance_background_color: '#12345',
      maintenance_text_color: 42,
    } as never);
    expect(resolved).toEqual(DEFAULT_EMBED_CONFIG);
  });
});

describe("resolveEmbedConfig with layers (a site's attributes over the served config)", () => {
  const served = { position: 'top-left', incident_background_color: '#111111', maintenance_text_color: 'red;x' };

  it('takes, per field, the first value it may use, else the default', () => {
    expect(resolveEmbedConfig({ position: 'bottom_right', incident_background_color: 'url(//x)' }, served)).toEqual({
      ...DEFAULT_EMBED_CONFIG,
      position: 'bottom-right',
      incident_background_color: '#111111',
    });
    expect(resolveEmbedConfig(null, served)).toEqual({ ...DEFAULT_EMBED_CONFIG, position: 'top-left', incident_background_color: '#111111' });
    expect(resolveEmbedConfig(undefined, undefined)).toEqual(DEFAULT_EMBED_CONFIG);
  });
});

describe('mergeEmbedConfig', () => {
  const served = { position: 'top-left', incident_background_color: '#111111', incident_text_color: '#eeeeee' };

  it('lets a valid override win', () => {
    expect(mergeEmbedConfig(served, { position: 'bottom-right', incident_text_color: '#000' })).toEqual({
      ...served,
      position: 'bottom-right',
      incident_text_color: '#000',
    });
  });

  it('drops an override it would refuse, so the served value still applies', () => {
    expect(mergeEmbedConfig(served, { incident_background_color: 'red;background:url(//x)', position: null })).toEqual(served);
  });

  it('works with either layer missing', () => {
    expect(mergeEmbedConfig(undefined, { position: 'top-right' })).toEqual({ position: 'top-right' });
    expect(mergeEmbedConfig(served, undefined)).toEqual(served);
  });
});
