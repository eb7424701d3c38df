import { render } from 'preact';
import { activeConnection, connectionsItem } from '../../connection/connections-item';
import { migrateSingleConnection } from '../../connection/migrate-single-connection';
import { preload, useStored } from '../../ui/use-stored';
import { TeamAccessApp } from './TeamAccessApp';
import { batchProgressItem, scanProgressItem, teamBatchItem, teamBatchOutcomesItem, teamScanItem } from '../team-access-storage';
import { preloadMatrix } from './use-matrix';

/** The page follows the connection the popup is on; switching there switches here. */
function TeamAccessPage() {
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
  return <TeamAccessApp key={connection.id} connectionId={connection.id} />;
}

/** Reads what is stored before the first render, so the matrix draws from cache in the very first frame. */
export async function startTeamAccessPage(root: HTMLElement): Promise<void> {
  await migrateSingleConnection().catch(() => {});
  const id = activeConnection(await connectionsItem.getValue())?.id;
  const items = id ? [teamScanItem(id), scanProgressItem(id), teamBatchItem(id), batchProgressItem(id), teamBatchOutcomesItem(id)] : [];
  await Promise.all([preload([connectionsItem, ...items]), id ? preloadMatrix(id) : undefined]).catch(() => {});
  render(<TeamAccessPage />, root);
}
