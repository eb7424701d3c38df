import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeIssue, Summary } from '../../../shared/schemas';
import { readSummaryFixture as fixture, SUMMARY_FIXTURE_DIR, summaryFixtureNames } from '../../support/fixtures';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/** The describeIssue sentences for a body that should fail. */
function problems(body: unknown): string[] {
  const result = Summary.safeParse(body);
  return result.success ? [] : result.error.issues.map(describeIssue);
}

describe('Summary (summary.json of the public Status API v2)', () => {
  const files = summaryFixtureNames();

  it('reads the eight real captures from inside the repository, with their provenance README', () => {
    expect(SUMMARY_FIXTURE_DIR.startsWith(REPOSITORY)).toBe(true);
    expect(existsSync(`${SUMMARY_FIXTURE_DIR}README.md`)).toBe(true);
    expect(files).toEqual([
      'incident_critical_update-3_monitoring.json',
      'incident_critical_update-4_resolved.json',
      'incident_major_update-3_monitoring.json',
      'incident_major_update-4_resolved.json',
      'incident_minor_update-2_identified.json',
      'incident_none_update-2_identified.json',
      'maintenance_update-1_initial.json',
      'maintenance_update-2_in-progress.json',
    ]);
  });

  for (const name of files) {
    it(`parses ${name}`, () => {
      const body = fixture(name);
      const result = Summary.safeParse(body);
      expect(result.success, result.success ? '' : result.error.issues.map(describeIssue).join('\n')).toBe(true);
      if (!result.success) return;
      expect(result.data.page.id).toBe('2xswh16by5jl');
      expect(result.data.incidents).toHaveLength((body.incidents as unknown[]).length);
      expect(result.data.scheduled_maintenances).toHaveLength((body.scheduled_maintenances as unknown[]).length);
    });
  }

  it('keeps fields it does not know, and takes an unknown status or impact', () => {
    const body = fixture('incident_major_update-3_monitoring.json');
    const incidents = body.incidents as Array<Record<string, unknown>>;
    incidents[0] = { ...incidents[0], status: 'escalated', impact: 'apocalyptic', new_field: 1 };
    const parsed = Summary.parse({ ...body, incidents });
    expect(parsed.incidents[0]?.status).toBe('escalated');
    expect((parsed.incidents[0] as Record<string, unknown>).new_field).toBe(1);
  });

  it('rejects malformed bodies, naming the field', () => {
    const body = fixture('incident_minor_update-2_identified.json');
    const page = body.page as Record<string, unknown>;
    const incident = (body.incidents as Array<Record<string, unknown>>)[0]!;
    expect(problems({ ...body, page: { ...page, id: undefined } })).toEqual(['page.id: expected string']);
    expect(problems({ ...body, incidents: 'none' })).toEqual(['incidents: expected array']);
    expect(problems({ ...body, incidents: [{ ...incident, incident_updates: [{ status: 'identified', body: 5 }] }] })).toEqual([
      'incidents[0].incident_updates[0].body: expected string',
    ]);
    expect(problems({ ...body, status: undefined })).toEqual(['status: expected object']);
    expect(problems(null)).toEqual(['(root): expected object']);
  });
});
