import { describe, expect, it } from 'vitest';
import { CONFIG_ATTRIBUTES, OBSERVED_ATTRIBUTES, RESTART_ATTRIBUTES } from '../../../widget/browser/mount/attributes';

describe("<status-embed>'s attributes", () => {
  it('observes every attribute it documents, each once, the two that start over first', () => {
    expect(new Set(OBSERVED_ATTRIBUTES).size).toBe(OBSERVED_ATTRIBUTES.length);
    expect(OBSERVED_ATTRIBUTES.slice(0, 2)).toEqual(RESTART_ATTRIBUTES);
    expect(CONFIG_ATTRIBUTES).toEqual([
      'position',
      'incident-background-color',
      'incident-text-color',
      'maintenance-background-color',
      'maintenance-text-color',
    ]);
    for (const name of ['status-page', 'config-url', 'locale', 'components', 'offset', 'z-index', ...CONFIG_ATTRIBUTES]) {
      expect(OBSERVED_ATTRIBUTES).toContain(name);
    }
  });
});
