import { render } from 'preact';
import { activeConnection, connectionsItem } from '../../connection/connections-item';
import { isCurrentLayout, layoutItem, migrateSingleConnection } from '../../connection/migrate-single-connection';
import { readAhead } from '../../storage/stored-item';
import { preload, useStored } from '../../ui/use-stored';
import { lastFirstReadKeys, rememberFirstReadKeys } from './first-read-hint';
import { TeamAccessApp, type TeamAccessExtra } from './TeamAccessApp';
import { batchProgressItem, scanProgressItem, teamBatchItem, teamBatchOutcomesItem, teamScanItem } from '../team-access-storage';
import { preloadMatrix } from './use-matrix';

/** The page follows the connection the popup is on; switching there switches here. */
function TeamAccessPage({ extra }: { extra?: TeamAccessExtra }) {
  const connections = useStored(connectionsItem);
  if (!connections.loaded) return null;
  const connection = activeConnection(connections.value);
  if (!connection) {
    return (
      <main class="team-access">
        <h1>Team access</h1>
        <p role="status">Connect to Statuspage from the toolbar popup first: this page shows the organization it is on.</p>
      </main>
    );
  }
  return <TeamAccessApp key={connection.id} connectionId={connection.id} {...(extra && { extra })} />;
}

/**
 * Reads what is stored before the first render, so the matrix's first screen draws in the very first frame: one
 * storage call for the connection and what the last opening read for its first screen (first-read-hint.ts), a second
 * only for what that guess lacked. The rest of the rows are read after the first frame (use-matrix.ts).
 * `extra`: what a folder above adds to the page (the entry point passes team-members' panel).
 */
export async function startTeamAccessPage(root: HTMLElement, extra?: TeamAccessExtra): Promise<void> {
  performance.mark('team-access:script');
  const always = [layoutItem, connectionsItem] as const;
  const ahead = await readAhead([...always.flatMap((item) => item.readKeys), ...lastFirstReadKeys()]).catch(() => undefined);
  try {
    let [layout, connections] = await preload(always, ahead);
    if (!isCurrentLayout(layout)) {
      // A profile from before several connections, opened before the background could move it: move it first.
      await migrateSingleConnection();
      [, connections] = await preload(always);
    }
    const id = activeConnection(connections)?.id;
    if (id) {
      const items = [teamScanItem(id), scanProgressItem(id), teamBatchItem(id), batchProgressItem(id), teamBatchOutcomesItem(id)];
      const [, matrixKeys] = await Promise.all([preload(items, ahead), preloadMatrix(id, ahead)]);
      rememberFirstReadKeys([...items.flatMap((item) => item.readKeys), ...matrixKeys]);
    }
  } catch {
    // Drawn anyway: each part reads what it lacks.
  } finally {
    ahead?.close();
  }
  performance.mark('team-access:read');
  render(<TeamAccessPage {...(extra && { extra })} />, root);
  performance.mark('team-access:rendered');
}
