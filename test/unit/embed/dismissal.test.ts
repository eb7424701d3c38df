import { describe, expect, it } from 'vitest';
import { dismissalKey, MAX_REMEMBERED_DISMISSALS, parseDismissedKeys, rememberDismissal } from '../../../shared/embed';
import type { EmbedSummaryItem } from '../../../shared/schemas';

const incident = (updates: EmbedSummaryItem['incident_updates']): EmbedSummaryItem => ({
  id: 'abc',
  name: 'Down',
  status: 'identified',
  incident_updates: updates,
});

describe('dismissalKey', () => {
  it('is the id and the latest update time, whatever the order and zone offset', () => {
    const key = dismissalKey(
      incident([
        { status: 'investigating', body: 'a', display_at: '2026-05-12T21:43:25.969-04:00' },
        { status: 'identified', body: 'b', display_at: '2026-05-12T21:44:24.921-04:00' },
      ]),
    );
    expect(key).toBe('abc@2026-05-13T01:44:24.921Z');
    expect(dismissalKey(incident([{ status: 'identified', body: 'b', display_at: '2026-05-13T01:44:24.921Z' }]))).toBe(key);
  });

  it('changes with a new update, not with other edits', () => {
    const base = incident([{ status: 'identified', body: 'b', display_at: '2026-05-12T10:00:00Z' }]);
    expect(dismissalKey({ ...base, updated_at: '2026-05-12T11:00:00Z' })).toBe(dismissalKey(base));
    const updated = incident([...base.incident_updates, { status: 'monitoring', body: 'c', display_at: '2026-05-12T12:00:00Z' }]);
    expect(dismissalKey(updated)).not.toBe(dismissalKey(base));
  });
});

describe('rememberDismissal', () => {
  it('keeps the newest keys only, without duplicates', () => {
    let keys: string[] = [];
    for (let i = 0; i < MAX_REMEMBERED_DISMISSALS + 5; i += 1) keys = rememberDismissal(keys, `k${i}`);
    expect(keys).toHaveLength(MAX_REMEMBERED_DISMISSALS);
    expect(keys[0]).toBe('k5');
    expect(rememberDismissal(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
  });
});

describe('parseDismissedKeys', () => {
  it('reads a stored list and treats anything else as nothing dismissed', () => {
    expect(parseDismissedKeys('["a@1","b@2"]')).toEqual(['a@1', 'b@2']);
    for (const junk of [null, '', '{', '{"a":1}', '[1,2]', '"a"']) expect(parseDismissedKeys(junk)).toEqual([]);
  });
});
