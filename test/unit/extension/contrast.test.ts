import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, relativeLuminance, WCAG_AA_NORMAL_TEXT } from '../../../extension/embed/contrast';

describe('contrast', () => {
  it('gives the WCAG extremes for black and white', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777', '#777')).toBe(1);
  });

  it('is symmetric and matches published reference pairs', () => {
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1); #777777 fails (4.48:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')!).toBeLessThan(WCAG_AA_NORMAL_TEXT);
    expect(contrastRatio('#767676', '#ffffff')!).toBeGreaterThanOrEqual(WCAG_AA_NORMAL_TEXT);
  });

  it('refuses anything that is not a hex colour', () => {
    expect(contrastRatio('red', '#fff')).toBeUndefined();
    expect(contrastRatio('#fff', '#12')).toBeUndefined();
    expect(relativeLuminance('url(x)')).toBeUndefined();
  });

  it('formats ratios rounded down so a shown pass is a real pass', () => {
    expect(formatRatio(4.4999)).toBe('4.4:1');
    expect(formatRatio(21)).toBe('21.0:1');
  });
});
