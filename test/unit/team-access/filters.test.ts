import { describe, expect, it } from 'vitest';
import { NO_FILTER, visibleUsers } from '../../../extension/team-access/matrix/filters';
import { visibleColumns, visibleWindow } from '../../../extension/team-access/matrix/visible-window';
import { user } from './support';

const ada = user('ada', 'Ada Lovelace', { cloud: 'i', labs: '' }, { firstSeenAt: 100 });
const bob = user('bob', 'Bob Byte', {}, { firstSeenAt: 500 });
const cy = user('cy', 'Cy Press', { cloud: 'cim', pay: 'c' }, { firstSeenAt: 100 });
const nia = user('nia', 'Nia New', undefined, { firstSeenAt: 500 });
const users = [cy, nia, bob, ada];
const byName = { key: 'name', descending: false } as const;
const scan = { startedAt: 400, previousStartedAt: 50 };
const ids = (list: { id: string }[]) => list.map((u) => u.id);

describe('filters and sort', () => {
  it('filters by page and access, by role, by no access, by text', () => {
    expect(ids(visibleUsers(users, { ...NO_FILTER, pageId: 'cloud', access: 'has' }, byName, scan))).toEqual(['ada', 'cy']);
    expect(ids(visibleUsers(users, { ...NO_FILTER, pageId: 'cloud', access: 'none' }, byName, scan))).toEqual(['bob']);
    expect(ids(visibleUsers(users, { ...NO_FILTER, role: 'page_configuration' }, byName, scan))).toEqual(['cy']);
    expect(ids(visibleUsers(users, { ...NO_FILTER, pageId: 'pay', role: 'incident_manager' }, byName, scan))).toEqual([]);
    expect(ids(visibleUsers(users, { ...NO_FILTER, text: 'LOVE' }, byName, scan))).toEqual(['ada']);
    expect(ids(visibleUsers(users, { ...NO_FILTER, text: 'cy.press@' }, byName, scan))).toEqual(['cy']);
  });
  it('"new since the last scan" is the users the latest scan saw first, and nobody after a first scan', () => {
    expect(ids(visibleUsers(users, { ...NO_FILTER, newOnly: true }, byName, scan))).toEqual(['bob', 'nia']);
    expect(ids(visibleUsers(users, { ...NO_FILTER, newOnly: true }, byName, { startedAt: 400 }))).toEqual([]);
  });
  it('sorts by name, email or number of pages, either way', () => {
    expect(ids(visibleUsers(users, NO_FILTER, byName, scan))).toEqual(['ada', 'bob', 'cy', 'nia']);
    expect(ids(visibleUsers(users, NO_FILTER, { key: 'pages', descending: true }, scan))).toEqual(['ada', 'cy', 'bob', 'nia']);
    expect(ids(visibleUsers(users, NO_FILTER, { key: 'email', descending: true }, scan))).toEqual(['nia', 'cy', 'bob', 'ada']);
  });
  it('draws only the rows in view, plus a few either side', () => {
    expect(visibleWindow(0, 480, 40, 5000)).toEqual({ first: 0, end: 15 });
    expect(visibleWindow(40 * 1000, 480, 40, 5000)).toEqual({ first: 997, end: 1015 });
    expect(visibleWindow(40 * 4990, 480, 40, 5000)).toEqual({ first: 4987, end: 5000 });
  });
  it('draws only the page columns in view, after the fixed ones, plus one either side', () => {
    // 1,232 px wide, the checkbox and the user 324 px, a page 132 px: pages 0 to 6 show, and one more.
    expect(visibleColumns(0, 1232, 324, 132, 20)).toEqual({ first: 0, end: 8 });
    // Scrolled past the fixed columns and 5 pages: pages 5 to 14 show (the last in part), one more either side.
    expect(visibleColumns(324 + 5 * 132 + 10, 1232, 324, 132, 20)).toEqual({ first: 4, end: 16 });
    expect(visibleColumns(100_000, 1232, 324, 132, 20)).toEqual({ first: 20, end: 20 });
    expect(visibleColumns(0, 1232, 324, 132, 3)).toEqual({ first: 0, end: 3 });
  });
});
