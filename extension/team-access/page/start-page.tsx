import { render } from 'preact';
import { activeConnection, connectionsItem } from '../../connection/connections-item';
import { migrateSingleConnection } from '../../connection/migrate-single-connection';
import { preload, useStored } from '../../ui/use-stored';
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

/** Reads what is stored before the first render, so the matrix draws from cache in the very first frame. */
/** `extra`: what a folder above adds to the page (the entry point passes team-members' panel). */
export async function startTeamAccessPage(root: HTMLElement, extra?: TeamAccessExtra): Promise<void> {
  await migrateSingleConnection().catch(() => {});
  const id = activeConnection(await connectionsItem.getValue())?.id;
  const items = id ? [teamScanItem(id), scanProgressItem(id), teamBatchItem(id), batchProgressItem(id), teamBatchOutcomesItem(id)] : [];
  await Promise.all([preload([connectionsItem, ...items]), id ? preloadMatrix(id) : undefined]).catch(() => {});
  render(<TeamAccessPage {...(extra && { extra })} />, root);
}
