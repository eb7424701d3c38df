import { describe, expect, it } from 'vitest';
import { readFromPage, readShowPreview } from '../../../extension/preview/protocol';

const show = {
  type: 'show',
  sample: 'incident',
  config: { position: 'top-right', incident_background_color: '#0b3d91', incident_text_color: '#ffffff' },
  statusPageUrl: 'https://status.acme.example',
};

describe('messages to the page', () => {
  it('reads a show message with the five public fields and the sample', () => {
    expect(readShowPreview(show)).toEqual(show);
  });

  it('refuses a config carrying anything beyond the five public fields', () => {
    expect(readShowPreview({ ...show, config: { ...show.config, apiKey: 'secret' } })).toBeUndefined();
    expect(readShowPreview({ ...show, apiKey: 'secret' })).toBeUndefined();
  });

  it('refuses unknown types, samples and oversized values', () => {
    expect(readShowPreview({ type: 'eval', code: 'alert(1)' })).toBeUndefined();
    expect(readShowPreview({ type: 'hide' })).toBeUndefined();
    expect(readShowPreview({ ...show, sample: 'outage' })).toBeUndefined();
    expect(readShowPreview({ ...show, config: { incident_text_color: '#'.repeat(33) } })).toBeUndefined();
    expect(readShowPreview({ ...show, config: { position: 7 } })).toBeUndefined();
    expect(readShowPreview('show')).toBeUndefined();
    expect(readShowPreview(null)).toBeUndefined();
  });
});

describe('messages from the page', () => {
  it('reads ready and dismissed, nothing else', () => {
    expect(readFromPage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(readFromPage({ type: 'dismissed', by: 'escape' })).toEqual({ type: 'dismissed', by: 'escape' });
    expect(readFromPage({ type: 'dismissed', by: 'page-script' })).toBeUndefined();
    expect(readFromPage({ type: 'show', sample: 'incident', config: {} })).toBeUndefined();
  });
});
