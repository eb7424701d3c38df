import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_DISMISSALS } from '../../../shared/embed/dismissal';
import { EMBED_CONFIG_FIELDS } from '../../../shared/schemas/embed-config';
import { MAX_DISMISSALS } from '../../../widget/browser/data/dismissal-store';
import { CONFIG_ATTRIBUTES, configAttribute, OBSERVED_ATTRIBUTES } from '../../../widget/browser/mount/attributes';

// The loader spells some shared facts out (their modules would bring zod into it): they must agree.
describe('what the loader spells out', () => {
  it('names the five config attributes after the shared field list', () => {
    expect([...CONFIG_ATTRIBUTES]).toEqual(EMBED_CONFIG_FIELDS.map(configAttribute));
  });

  it('observes every attribute it documents, each once', () => {
    expect(new Set(OBSERVED_ATTRIBUTES).size).toBe(OBSERVED_ATTRIBUTES.length);
    for (const name of ['status-page', 'config-url', 'locale', 'components', 'offset', 'z-index', ...CONFIG_ATTRIBUTES]) {
      expect(OBSERVED_ATTRIBUTES).toContain(name);
    }
  });

  it('keeps as many dismissals as the shared model', () => {
    expect(MAX_DISMISSALS).toBe(MAX_REMEMBERED_DISMISSALS);
  });
});
