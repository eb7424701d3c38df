import { describe, expect, it } from 'vitest';
import { formatMaintenanceWindow as format, type DateFormatOptions } from '../../../shared/embed';

/** Intl puts thin and narrow no-break spaces in dates: compare with plain spaces. */
const formatMaintenanceWindow = (start?: string | null, end?: string | null, options?: DateFormatOptions) =>
  format(start, end, options)?.replace(/[\u2009\u202f]/g, ' ');

describe('formatMaintenanceWindow', () => {
  const start = '2026-05-13T14:16:00.000-04:00';
  const end = '2026-05-13T14:17:00.000-04:00';

  it('writes the window in the given locale and zone', () => {
    expect(formatMaintenanceWindow(start, end, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('May 13, 2:16 – 2:17 PM EDT');
    expect(formatMaintenanceWindow(start, '2026-05-14T14:17:00.000-04:00', { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe(
      '13. Mai, 20:16 MESZ – 14. Mai, 20:17 MESZ',
    );
  });

  it('gives the start alone when the end is missing or before it, and nothing without a start', () => {
    expect(formatMaintenanceWindow(start, null, { locale: 'en-US', timeZone: 'UTC' })).toBe('May 13, 6:16 PM UTC');
    expect(formatMaintenanceWindow(end, start, { locale: 'en-US', timeZone: 'UTC' })).toBe('May 13, 6:17 PM UTC');
    expect(formatMaintenanceWindow(undefined, end)).toBeUndefined();
    expect(formatMaintenanceWindow('soon', end)).toBeUndefined();
  });
});
