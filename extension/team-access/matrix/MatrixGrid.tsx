import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { markFirstData } from '../../ui/first-data';
import { cellGlyphs, cellLabel, personLabel } from './cell-label';
import type { MatrixPage, MatrixUser } from '../team-access-storage';
import { ageText } from './time-text';
import { OVERSCAN, visibleColumns, visibleWindow } from './visible-window';

export const ROW_HEIGHT = 40;
const VIEW_HEIGHT = 480;
// Column widths (team-access.css): the checkbox, the user, each page.
const CHECK_WIDTH = 44;
const WHO_WIDTH = 280;
const PAGE_WIDTH = 132;
/**
 * Rows are keyed by their place in the window (index modulo the most rows a window draws), not by user: a jump of the
 * scroll position then rewrites the text of the rows already there instead of building every row anew, which kept
 * the page's main thread busy past 50 ms a jump on a loaded machine. Between two scroll positions the same user
 * keeps the same row.
 */
const SLOTS = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 2 * OVERSCAN + 1;

interface Props {
  users: MatrixUser[];
  pages: MatrixPage[];
  selected: ReadonlySet<string>;
  onToggle(userId: string, selected: boolean): void;
  newUserIds: ReadonlySet<string>;
  /** Names more than one person has (cell-label.ts `sharedNames`): their controls add the email. */
  sharedNames: ReadonlySet<string>;
  now: number;
}

/**
 * The users x pages matrix as a table whose rows and page columns are windowed: only the rows in view are drawn (a
 * fixed row height; the body's ::before and ::after stand for the rest, out of the accessibility tree), and in each
 * row only the page columns in view (a cell spanning the columns on either side stands for them, hidden from the
 * accessibility tree; the header keeps every page), so 5,000 users x 20 pages cost what 25 x 8 do. aria-rowcount,
 * aria-colcount, aria-rowindex and aria-colindex tell a screen reader the whole size and where each drawn cell is.
 */
export function MatrixGrid({ users, pages, selected, onToggle, newUserIds, sharedNames, now }: Props) {
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  // The region's width: at first the window's (innerWidth needs no layout, unlike any element's width), never
  // narrower than the region, so no column in view is left out; it only grows (a wider window), since a column drawn
  // out of view costs a little and a redraw more.
  const [viewWidth, setViewWidth] = useState(() => window.innerWidth);
  const region = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = region.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewWidth((width) => Math.max(width, element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const { first, end } = visibleWindow(scroll.top, VIEW_HEIGHT, ROW_HEIGHT, users.length);
  const columns = visibleColumns(scroll.left, viewWidth, CHECK_WIDTH + WHO_WIDTH, PAGE_WIDTH, pages.length);
  const shownPages = pages.slice(columns.first, columns.end);
  const hasRows = users.length > 0;
  useLayoutEffect(() => {
    if (hasRows) markFirstData();
  }, [hasRows]);

  return (
    <section
      class="grid-scroll"
      style={{ height: `${VIEW_HEIGHT}px` }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard to scroll it
      tabIndex={0}
      aria-label="Matrix, scrolls"
      ref={region}
      onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, left: event.currentTarget.scrollLeft })}
    >
      <table
        class="matrix"
        style={{ width: `${CHECK_WIDTH + WHO_WIDTH + PAGE_WIDTH * pages.length}px` }}
        aria-label="Team access: users by page"
        aria-rowcount={users.length + 1}
        aria-colcount={pages.length + 2}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="check">
              <span class="visually-hidden">Selected</span>
            </th>
            <th scope="col" class="who">
              User
            </th>
            {pages.map((page) => (
              <th scope="col" key={page.id} title={page.id} class="cell">
                {page.name}
                {page.usesRoles === false && <span class="sub"> (no roles)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ '--above': `${first * ROW_HEIGHT}px`, '--below': `${(users.length - end) * ROW_HEIGHT}px` }}>
          {users.slice(first, end).map((user, offset) => {
            const index = first + offset;
            const isSelected = selected.has(user.id);
            const who = personLabel(user, sharedNames);
            return (
              <tr key={index % SLOTS} aria-rowindex={index + 2} class={isSelected ? 'selected' : undefined}>
                <td class="check" aria-colindex={1}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${who}`}
                    checked={isSelected}
                    onChange={(event) => onToggle(user.id, event.currentTarget.checked)}
                  />
                </td>
                <th scope="row" class="who" aria-colindex={2}>
                  <span class="name">
                    {user.name}
                    {newUserIds.has(user.id) && <span class="badge-new"> new</span>}
                  </span>
                  <span class="sub">
                    {user.email} · {user.readAt === undefined ? 'not scanned yet' : `read ${ageText(user.readAt, now)}`}
                  </span>
                </th>
                {columns.first > 0 && <td key="before" class="gap" colSpan={columns.first} aria-hidden="true" />}
                {shownPages.map((page, column) => {
                  const glyphs = cellGlyphs(user, page);
                  return (
                    <td
                      key={page.id}
                      aria-colindex={columns.first + column + 3}
                      aria-label={cellLabel(user, page, who)}
                      class={glyphs === '–' ? 'cell none' : 'cell'}
                    >
                      <span aria-hidden="true">{glyphs}</span>
                    </td>
                  );
                })}
                {columns.end < pages.length && <td key="after" class="gap" colSpan={pages.length - columns.end} aria-hidden="true" />}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
