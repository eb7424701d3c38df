import { describe, expect, it } from 'vitest';
import {
  computeEmbedView,
  cutText,
  dismissalKey,
  sampleSummary,
  DEFAULT_EMBED_CONFIG,
  MAX_DETAIL_LENGTH,
  MAX_NAME_LENGTH,
} from '../../../shared/embed';
import { EmbedSummary, Summary, type EmbedSummaryItem } from '../../../shared/schemas';
import { readSummaryFixture as readFixture, summaryFixtureNames as fixtureNames } from '../../support/fixtures';

const NEW_YORK = { locale: 'en-US', timeZone: 'America/New_York' };
const summaryOf = (name: string) => Summary.parse(readFixture(name));
/** Intl puts thin and narrow no-break spaces in dates: compare with plain spaces. */
const plain = <T>(view: T): T => view && JSON.parse(JSON.stringify(view).replace(/[\u2009\u202f]/g, ' '));

/** What the card must show for each real capture (null: no card). */
const EXPECTED: Record<string, { kind: string; name: string; label: string; detail: string; href: string } | null> = {
  'incident_critical_update-3_monitoring.json': {
    kind: 'incident',
    name: 'Test incident: impact=critical',
    label: 'Incident · Monitoring',
    detail: 'Status updated to Monitoring.',
    href: 'https://stspg.io/hzq32bsk78s2',
  },
  'incident_critical_update-4_resolved.json': null,
  'incident_major_update-3_monitoring.json': {
    kind: 'incident',
    name: 'Test incident: impact=major',
    label: 'Incident · Monitoring',
    detail: 'Status updated to Monitoring.',
    href: 'https://stspg.io/5svpy5q6xcfv',
  },
  'incident_major_update-4_resolved.json': null,
  'incident_minor_update-2_identified.json': {
    kind: 'incident',
    name: 'Test incident: impact=minor',
    label: 'Incident · Identified',
    detail: 'Status updated to Identified.',
    href: 'https://stspg.io/7zz4x9jd7vyg',
  },
  'incident_none_update-2_identified.json': {
    kind: 'incident',
    name: 'Test incident: impact=none',
    label: 'Incident · Identified',
    detail: 'Status updated to Identified.',
    href: 'https://stspg.io/h77hq2ns91rf',
  },
  'maintenance_update-1_initial.json': null, // scheduled, not started
  'maintenance_update-2_in-progress.json': {
    kind: 'maintenance',
    name: 'Test scheduled maintenance',
    label: 'Maintenance · In progress',
    detail: 'May 13, 2:16 – 2:17 PM EDT',
    href: 'https://stspg.io/77ncncdcypnt',
  },
};

describe('computeEmbedView on the real captures', () => {
  it('knows every fixture', () => {
    expect(fixtureNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected ? `${expected.kind} card` : 'no card'}`, () => {
      const view = plain(computeEmbedView(summaryOf(name), {}, NEW_YORK));
      if (!expected) return expect(view).toBeNull();
      expect(view).toMatchObject({ ...expected, more: null, corner: 'bottom-left' });
      const kind = expected.kind as 'incident' | 'maintenance';
      expect(view!.colours).toEqual({
        background: DEFAULT_EMBED_CONFIG[`${kind}_background_color`],
        text: DEFAULT_EMBED_CONFIG[`${kind}_text_color`],
      });
    });
  }

  it('reads every capture with the embed subset schema too (every Summary is an EmbedSummary)', () => {
    for (const name of fixtureNames()) expect(EmbedSummary.safeParse(readFixture(name)).success, name).toBe(true);
    const asSubset: EmbedSummary = summaryOf(fixtureNames()[0]!); // compile-time half of the same promise
    expect(asSubset.page.url).toMatch(/^https:/);
  });
});

function item(id: string, status: string, updatedAt: string, extra: Partial<EmbedSummaryItem> = {}): EmbedSummaryItem {
  return {
    id,
    name: `Item ${id}`,
    status,
    shortlink: `https://stspg.io/${id}`,
    incident_updates: [{ status, body: `Update on ${id}`, display_at: updatedAt, created_at: updatedAt }],
    ...extra,
  };
}

function summary(incidents: EmbedSummaryItem[], maintenances: EmbedSummaryItem[] = []): EmbedSummary {
  return { page: { url: 'https://status.example.com' }, incidents, scheduled_maintenances: maintenances };
}

describe('computeEmbedView', () => {
  it('shows an incident before a maintenance, the most recently updated first, and counts the others', () => {
    const view = computeEmbedView(
      summary(
        [item('old', 'investigating', '2026-05-12T10:00:00Z'), item('new', 'monitoring', '2026-05-12T12:00:00Z')],
        [item('maint', 'in_progress', '2026-05-12T13:00:00Z', { scheduled_for: '2026-05-12T13:00:00Z' })],
      ),
      {},
    );
    expect(view).toMatchObject({ id: 'new', kind: 'incident', more: { count: 2, href: 'https://status.example.com/' } });
  });

  it('shows a maintenance under way when no incident is open, and never a scheduled one', () => {
    const scheduled = item('later', 'scheduled', '2026-05-12T10:00:00Z', { scheduled_for: '2026-05-13T10:00:00Z' });
    expect(computeEmbedView(summary([], [scheduled]), {})).toBeNull();
    const verifying = item('now', 'verifying', '2026-05-12T10:00:00Z', {
      scheduled_for: '2026-05-12T09:00:00Z',
      scheduled_until: '2026-05-12T11:00:00Z',
    });
    const view = computeEmbedView(summary([], [scheduled, verifying]), {}, { locale: 'en-GB', timeZone: 'Europe/London' });
    expect(view).toMatchObject({ id: 'now', label: 'Maintenance · Verifying', more: null });
    expect(view!.detail).toMatch(/12 May.*10:00.*12:00/);
  });

  it('leaves out resolved and postmortem incidents', () => {
    expect(
      computeEmbedView(summary([item('a', 'resolved', '2026-05-12T10:00:00Z'), item('b', 'postmortem', '2026-05-12T10:00:00Z')]), {}),
    ).toBeNull();
  });

  it('skips a dismissed incident until it gets a new update', () => {
    const first = item('a', 'investigating', '2026-05-12T10:00:00Z');
    const other = item('b', 'identified', '2026-05-12T09:00:00Z');
    const dismissed = [dismissalKey(first)];
    expect(computeEmbedView(summary([first, other]), {}, { dismissed })).toMatchObject({ id: 'b', more: null });
    expect(computeEmbedView(summary([first]), {}, { dismissed })).toBeNull();
    const updated = {
      ...first,
      incident_updates: [{ status: 'identified', body: 'Found it', display_at: '2026-05-12T10:30:00Z' }, ...first.incident_updates],
    };
    expect(computeEmbedView(summary([updated]), {}, { dismissed })).toMatchObject({ id: 'a', detail: 'Found it' });
  });

  it('keeps hostile text as text and refuses colours and links that are not what they claim', () => {
    const hostile = item('x', 'investigating', '2026-05-12T10:00:00Z', { name: '<img src=x onerror=alert(1)>', shortlink: 'javascript:alert(1)' });
    const view = computeEmbedView(summary([hostile]), {
      incident_background_color: 'red;background:url(//x)',
      incident_text_color: '#FfF',
      position: 'top_right',
    })!;
    expect(view.name).toBe('<img src=x onerror=alert(1)>');
    expect(view.href).toBe('https://status.example.com/');
    expect(view.colours).toEqual({ background: DEFAULT_EMBED_CONFIG.incident_background_color, text: '#ffffff' });
    expect(view.corner).toBe('top-right');
  });

  it('shows no card when there is no safe place to link to', () => {
    const noLink = item('x', 'investigating', '2026-05-12T10:00:00Z', { shortlink: null });
    expect(computeEmbedView({ ...summary([noLink]), page: { url: 'javascript:alert(1)' } }, {})).toBeNull();
    expect(computeEmbedView(summary([noLink]), {}, { statusPageUrl: 'https://status.acme.test' })!.href).toBe('https://status.acme.test/');
  });

  it('clips a long update and falls back to the status when there is no text', () => {
    const long = item('long', 'identified', '2026-05-12T10:00:00Z');
    long.incident_updates[0]!.body = 'x'.repeat(1000);
    expect(computeEmbedView(summary([long]), {})!.detail).toHaveLength(MAX_DETAIL_LENGTH);
    const silent = item('silent', 'identified', '2026-05-12T10:00:00Z', { incident_updates: [] });
    expect(computeEmbedView(summary([silent]), {})!.detail).toBe('Identified');
  });

  it('cuts a 5 MB name and update to what the card can show, before any layout', () => {
    const huge = item('huge', 'investigating', '2026-05-12T10:00:00Z', { name: `${'N'.repeat(5_000_000)}` });
    huge.incident_updates[0]!.body = `   ${'b'.repeat(5_000_000)}`;
    const view = computeEmbedView(summary([huge]), {})!;
    expect(view.name).toHaveLength(MAX_NAME_LENGTH);
    expect(view.name.endsWith('…')).toBe(true);
    expect(view.detail).toBe(`${'b'.repeat(MAX_DETAIL_LENGTH - 1)}…`);
  });

  it('cuts on a character boundary: a character outside the BMP is kept whole or left out', () => {
    expect(cutText('short', 10)).toBe('short');
    expect(cutText('abcdefghij-more', 10)).toBe('abcdefghi…');
    // '😀' is two UTF-16 units: cut between them, the half would be a broken character
    const cut = cutText(`abcdefgh😀xyz`, 10);
    expect(cut).toBe('abcdefgh…');
    expect(encodeURIComponent(cut)).toBeTruthy(); // throws on a lone surrogate
    expect(cutText(`abcdefg😀xyz`, 10)).toBe('abcdefg😀…');
  });

  it('returns null without a summary', () => {
    expect(computeEmbedView(undefined, {})).toBeNull();
  });

  it('speaks the words it is given, and shows a status they leave out as summary.json spells it', () => {
    const words = { incident: 'Störung', maintenance: 'Wartung', statuses: { monitoring: 'Wird beobachtet' } };
    const watched = item('a', 'monitoring', '2026-05-12T10:00:00Z');
    expect(computeEmbedView(summary([watched]), {}, { words })!.label).toBe('Störung · Wird beobachtet');
    const unknown = item('b', 'under_review', '2026-05-12T10:00:00Z', { incident_updates: [] });
    const view = computeEmbedView({ ...summary([]), incidents: [unknown] }, {}, { words });
    expect(view).toBeNull(); // not an active status: no card, whatever the words
    const silent = item('c', 'identified', '2026-05-12T10:00:00Z', { incident_updates: [] });
    expect(computeEmbedView(summary([silent]), {}, { words })).toMatchObject({ label: 'Störung · Identified', detail: 'Identified' });
  });

  it('lays overrides over the config, field by field, keeping a served value where an override is refused', () => {
    const config = { position: 'top-left', incident_background_color: '#111111' };
    const overrides = { position: 'bottom-right', incident_background_color: 'red;background:url(//x)' };
    const view = computeEmbedView(summary([item('a', 'monitoring', '2026-05-12T10:00:00Z')]), config, { overrides });
    expect(view).toMatchObject({ corner: 'bottom-right', colours: { background: '#111111', text: DEFAULT_EMBED_CONFIG.incident_text_color } });
  });
});

describe('sampleSummary', () => {
  for (const kind of ['incident', 'maintenance'] as const) {
    it(`gives a valid summary that shows a ${kind} card`, () => {
      const sample = sampleSummary(kind, { now: new Date('2026-05-12T12:00:00Z') });
      expect(Summary.safeParse(sample).success).toBe(true);
      expect(computeEmbedView(sample, {})).toMatchObject({ kind });
    });
  }
});
