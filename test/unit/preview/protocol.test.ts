import { describe, expect, it } from 'vitest';
import { readFromPage, readToPage } from '../../../extension/preview/protocol';

const show = {
  type: 'show',
  sample: 'incident',
  config: { position: 'top-right', incident_background_color: '#0b3d91', incident_text_color: '#ffffff' },
  statusPageUrl: 'https://status.acme.example',
};

describe('messages to the page', () => {
  it('reads a show message with the five public fields and the sample', () => {
    expect(readToPage(show)).toEqual(show);
    expect(readToPage({ type: 'hide' })).toEqual({ type: 'hide' });
  });

  it('refuses a config carrying anything beyond the five public fields', () => {
    expect(readToPage({ ...show, config: { ...show.config, apiKey: 'secret' } })).toBeUndefined();
    expect(readToPage({ ...show, apiKey: 'secret' })).toBeUndefined();
  });

  it('refuses unknown types, samples and oversized values', () => {
    expect(readToPage({ type: 'eval', code: 'alert(1)' })).toBeUndefined();
    expect(readToPage({ ...show, sample: 'outage' })).toBeUndefined();
    expect(readToPage({ ...show, config: { incident_text_color: '#'.repeat(33) } })).toBeUndefined();
    expect(readToPage({ ...show, config: { position: 7 } })).toBeUndefined();
    expect(readToPage('show')).toBeUndefined();
    expect(readToPage(null)).toBeUndefined();
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
