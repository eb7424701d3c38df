import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_CONFIG } from '../../../shared/embed';
import { previewView, SAMPLE_STATUS_PAGE } from '../../../extension/preview/page/preview-view';

const now = new Date('2025-03-01T12:00:00Z');

describe('previewView', () => {
  it('draws the incident sample in the draft corner and incident colours', () => {
    const view = previewView(
      { type: 'show', sample: 'incident', config: { position: 'top_right', incident_background_color: '#0B3D91', incident_text_color: '#fff' } },
      now,
    );
    expect(view).toMatchObject({ kind: 'incident', corner: 'top-right', colours: { background: '#0b3d91', text: '#ffffff' } });
  });

  it('draws the maintenance sample in the maintenance colours', () => {
    const view = previewView(
      { type: 'show', sample: 'maintenance', config: { incident_background_color: '#000000', maintenance_background_color: '#123456' } },
      now,
    );
    expect(view).toMatchObject({ kind: 'maintenance', corner: DEFAULT_EMBED_CONFIG.position, colours: { background: '#123456' } });
  });

  it('falls back to the card defaults for values the card refuses', () => {
    const view = previewView(
      { type: 'show', sample: 'incident', config: { position: 'middle', incident_background_color: 'red; background: url(x)' } },
      now,
    );
    expect(view).toMatchObject({ corner: DEFAULT_EMBED_CONFIG.position, colours: { background: DEFAULT_EMBED_CONFIG.incident_background_color } });
  });

  it("links to the page's status domain, and never to a non-http(s) URL", () => {
    const own = previewView({ type: 'show', sample: 'incident', config: {}, statusPageUrl: 'https://status.acme.example' }, now);
    expect(own?.href).toMatch(/^https:\/\/status\.acme\.example\/incidents\//);
    const hostile = previewView({ type: 'show', sample: 'incident', config: {}, statusPageUrl: 'javascript:alert(1)' }, now);
    expect(hostile?.href.startsWith(`${SAMPLE_STATUS_PAGE}/`)).toBe(true);
  });

  it('keeps the same card identity for the same moment, so edits recolour it in place', () => {
    const a = previewView({ type: 'show', sample: 'incident', config: { incident_background_color: '#111111' } }, now);
    const b = previewView({ type: 'show', sample: 'incident', config: { incident_background_color: '#222222' } }, now);
    expect(a?.dismissKey).toBe(b?.dismissKey);
  });
});
