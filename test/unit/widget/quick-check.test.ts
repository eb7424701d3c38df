// The loader's hand-written glance at summary.json must agree with the shared view model (which the card stage
// uses) on every real capture and on variants: the same dismissal keys, the same "is anything to show".
import { describe, expect, it } from 'vitest';
import { activeItems } from '../../../shared/embed/active-items';
import { dismissalKey } from '../../../shared/embed/dismissal';
import { EmbedSummary } from '../../../shared/schemas/embed-summary';
import { needsCard, parseComponents, quickDismissalKey } from '../../../widget/browser/loader/quick-check';
import { readSummaryFixture, summaryFixtureNames } from '../../support/fixtures';

// biome-ignore lint/suspicious/noExplicitAny: summary.json captures, edited freely to make variants
type Loose = Record<string, any>;

/** The capture and variants of it: every item dismissed, a component filter that matches and one that does not, no updates. */
function variants(name: string): Array<[string, Loose, string[] | undefined, string[]]> {
  const summary = readSummaryFixture(name) as Loose;
  const items = [...summary.incidents, ...summary.scheduled_maintenances] as Loose[];
  const componentIds = items.flatMap((item) => (item.components ?? []).map((component: Loose) => component.id as string));
  const noUpdates = structuredClone(summary);
  for (const item of [...noUpdates.incidents, ...noUpdates.scheduled_maintenances]) item.incident_updates = [];
  return [
    [`${name}`, summary, undefined, []],
    [
      `${name}, all dismissed`,
      summary,
      undefined,
      items.map((item) =>
        dismissalKey(
          EmbedSummary.parse(summary)
            .incidents.concat(EmbedSummary.parse(summary).scheduled_maintenances)
            .find((parsed) => parsed.id === item.id)!,
        ),
      ),
    ],
    [`${name}, its components`, summary, componentIds.slice(0, 1), []],
    [`${name}, other components`, summary, ['nosuchcomponent'], []],
    [`${name}, no updates`, noUpdates, undefined, []],
  ];
}

describe('the loader quick check', () => {
  const cases = summaryFixtureNames().flatMap(variants);
  it.each(cases)('agrees with the view model: %s', (_name, summary, components, dismissed) => {
    const parsed = EmbedSummary.parse(summary);
    for (const item of [...parsed.incidents, ...parsed.scheduled_maintenances]) {
      expect(quickDismissalKey(item)).toBe(dismissalKey(item));
    }
    const expected = activeItems(parsed, components).some((active) => !dismissed.includes(dismissalKey(active.item)));
    expect(needsCard(summary, components, dismissed)).toBe(expected);
  });

  it('finds something to show in at least one capture and nothing in another (the comparison can fail)', () => {
    const answers = summaryFixtureNames().map((name) => needsCard(readSummaryFixture(name), undefined, []));
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('never throws, whatever JSON it is given', () => {
    for (const value of [null, 0, 'text', [], {}, { incidents: 'x' }, { incidents: [null, 1, 'a', { status: 'monitoring', components: 'x' }] }]) {
      expect(() => needsCard(value, ['a'], [])).not.toThrow();
      expect(() => needsCard(value, undefined, [])).not.toThrow();
    }
    expect(needsCard({ incidents: [{ id: 'a', status: 'monitoring', incident_updates: 'x' }], scheduled_maintenances: [] }, undefined, [])).toBe(
      true,
    );
  });
});

describe('parseComponents', () => {
  it('reads a comma-separated list of ids, and refuses anything else', () => {
    expect(parseComponents('abc123, def-456')).toEqual(['abc123', 'def-456']);
    expect(parseComponents(null)).toBeUndefined();
    expect(parseComponents('')).toBeUndefined();
    expect(parseComponents('a,,b')).toBeUndefined();
    expect(parseComponents('a;b')).toBeUndefined();
  });
});
