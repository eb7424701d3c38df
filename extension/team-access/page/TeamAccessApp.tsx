import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ask } from '../ask';
import { useNow } from '../../ui/use-now';
import { useStored } from '../../ui/use-stored';
import { BatchPanel } from '../bulk/BatchPanel';
import { BulkChangeForm } from '../bulk/BulkChangeForm';
import { type BulkChange, type BulkPlan, planBulkChange, planRequest } from '../bulk/bulk-plan';
import { ConfirmDialog } from '../bulk/ConfirmDialog';
import { undoBulkPlan } from '../bulk/undo-plan';
import { CsvPanel } from '../csv/CsvPanel';
import { sharedNames } from '../matrix/cell-label';
import {
  asksAboutAccess,
  isNewSinceLastScan,
  type MatrixFilter,
  type MatrixSort,
  NO_ACCESS_ANYWHERE,
  NO_FILTER,
  readNext,
  unreadThatMayMatch,
  unusedSeats,
  visibleUsers,
} from '../matrix/filters';
import { MatrixFilters } from '../matrix/MatrixFilters';
import { MatrixGrid } from '../matrix/MatrixGrid';
import { PlanPreview } from '../bulk/PlanPreview';
import { ScanBar } from '../scan/ScanBar';
import { type MatrixUser, scanProgressItem, type TeamMatrix, teamBatchItem, teamBatchOutcomesItem, teamScanItem } from '../team-access-storage';
import { useMatrix } from './use-matrix';
import { withSelected } from './selection';
import { useStableRows } from './use-stable-rows';

const SCANNING = new Set(['listing', 'running', 'rate-limited', 'offline']);

/** What the page shows, for a part another folder adds to it (the entry point composes: team-members' panel). */
export interface TeamAccessView {
  connectionId: string;
  matrix: TeamMatrix;
  selectedUsers: MatrixUser[];
}
export type TeamAccessExtra = (view: TeamAccessView) => ComponentChildren;

/** The Team access page: one organization's users x pages, the scan that fills it, and bulk changes. */
export function TeamAccessApp({ connectionId, extra }: { connectionId: string; extra?: TeamAccessExtra }) {
  const { matrix, loading } = useMatrix(connectionId);
  const scan = useStored(teamScanItem(connectionId)).value ?? null;
  const progress = useStored(scanProgressItem(connectionId)).value ?? null;
  const batch = useStored(teamBatchItem(connectionId)).value ?? null;
  const outcomes = useStored(teamBatchOutcomesItem(connectionId)).value ?? null;
  const [filter, setFilter] = useState<MatrixFilter>(NO_FILTER);
  const [sort, setSort] = useState<MatrixSort>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [plan, setPlan] = useState<BulkPlan>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const now = useNow(true, 30_000);

  const allUsers = useMemo(() => Object.values(matrix.users), [matrix]);
  const matching = useMemo(() => visibleUsers(allUsers, filter, sort, scan), [allUsers, filter, sort, scan]);
  const scanning = scan !== null && SCANNING.has(scan.state);
  // While the stored rows come in (in the table's first order), the table grows at its end; the scan's reads are held.
  const stable = useStableRows(matching, matrix.users, scanning && !loading, JSON.stringify([filter, sort]));
  const rows = stable.rows;
  const unread = useMemo(() => (asksAboutAccess(filter) ? unreadThatMayMatch(allUsers, filter, scan).length : 0), [allUsers, filter, scan]);
  const shared = useMemo(() => sharedNames(allUsers), [allUsers]);
  // What the admin is looking at mid-scan is read next (sent again when the view changes, not on every read).
  const latest = useRef({ allUsers, scan });
  latest.current = { allUsers, scan };
  const loaded = loading === undefined;
  useEffect(() => {
    if (!scanning || !loaded) return;
    const ids = readNext(latest.current.allUsers, filter, sort, latest.current.scan, 500);
    const timer = setTimeout(() => void ask('teamAccessReadFirst', ids).catch(() => {}), 300);
    return () => clearTimeout(timer);
  }, [filter, sort, scanning, loaded]);
  const newUserIds = useMemo(() => new Set(allUsers.filter((user) => isNewSinceLastScan(user, scan)).map((user) => user.id)), [allUsers, scan]);
  const seats = useMemo(() => unusedSeats(allUsers), [allUsers]);
  const selectedUsers = useMemo(() => allUsers.filter((user) => selected.has(user.id)), [allUsers, selected]);
  const busy = batch !== null && batch.state !== 'done' && batch.state !== 'cancelled';

  const toggle = (userId: string, on: boolean) => setSelected(withSelected(selected, [userId], on));
  const preview = (change: BulkChange) => setPlan(planBulkChange(change, selectedUsers, matrix));
  const apply = async () => {
    if (!plan) return;
    setConfirming(false);
    setError(undefined);
    try {
      await ask('teamAccessRunBatch', planRequest(plan));
      setPlan(undefined);
      setSelected(new Set());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <>
      <header class="bar">
        <h1>Team access</h1>
        <p class="hint">Who can do what on which page, for the whole organization.</p>
      </header>
      <main class="team-access">
        <ScanBar scan={scan} progress={progress} userCount={loading?.total ?? allUsers.length} />
        {allUsers.length > 0 && (
          <>
            <MatrixFilters pages={matrix.pages} filter={filter} onFilter={setFilter} sort={sort} onSort={setSort} />
            <a class="skip-link" href="#bulk-change">
              Skip the table to the bulk change
            </a>
            <div class="selection">
              <p role="status" aria-live="polite">
                {loading
                  ? `Loading the stored rows: ${loading.read} of ${loading.total}. Showing ${rows.length} of the ${allUsers.length} loaded so far`
                  : `Showing ${rows.length} of ${allUsers.length} users`}
                {unread > 0 && `; ${unread} not read yet (their access is unknown: they may match once the scan reads them)`}; {selected.size}{' '}
                selected.
              </p>
              <p role="status" aria-live="polite">
                {loading
                  ? 'Seats: counted once every stored row is loaded.'
                  : `Seats: ${seats.noAccess} with no access to any page${seats.notRead > 0 ? ` (${seats.notRead} not read yet)` : ''}.`}
              </p>
              <button type="button" onClick={() => setFilter(NO_ACCESS_ANYWHERE)} disabled={loading !== undefined || seats.noAccess === 0}>
                Show the {seats.noAccess} with no access to any page
              </button>
              {stable.waiting > 0 && (
                <button type="button" onClick={stable.show}>
                  {stable.waiting} more now match: show them
                </button>
              )}
              <button
                type="button"
                onClick={() =>
                  setSelected(
                    withSelected(
                      selected,
                      rows.map((user) => user.id),
                      true,
                    ),
                  )
                }
                disabled={loading !== undefined || rows.length === 0}
              >
                Select all {rows.length} shown
              </button>
              <button type="button" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
                Clear selection
              </button>
            </div>
            <MatrixGrid
              users={rows}
              pages={matrix.pages}
              selected={selected}
              onToggle={toggle}
              newUserIds={newUserIds}
              sharedNames={shared}
              now={now}
            />
            <p class="hint">Cells: ✓ access, C Configure page, I Manage incidents, M Manage maintenances, – no access, ? not scanned yet.</p>
            {/* What acts on the whole organization (a bulk change, CSV, the members' panel) waits for every row. */}
            {loaded ? (
              <>
                <BulkChangeForm pages={matrix.pages} users={allUsers.filter((user) => user.cells)} selectedCount={selected.size} onPlan={preview} />
                <CsvPanel matrix={matrix} users={rows} onPlan={setPlan} />
              </>
            ) : (
              <p class="hint">Bulk changes and CSV come once every stored row is loaded.</p>
            )}
          </>
        )}
        {plan && (
          <PlanPreview plan={plan} pages={matrix.pages} busy={busy} onApply={() => setConfirming(true)} onDiscard={() => setPlan(undefined)} />
        )}
        {plan && confirming && (
          <ConfirmDialog plan={plan} pages={matrix.pages} onConfirm={() => void apply()} onCancel={() => setConfirming(false)} />
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {batch && <BatchPanel batch={batch} outcomes={outcomes} pages={matrix.pages} onUndo={() => setPlan(undoBulkPlan(batch, outcomes))} />}
        {loaded && extra?.({ connectionId, matrix, selectedUsers })}
      </main>
    </>
  );
}
