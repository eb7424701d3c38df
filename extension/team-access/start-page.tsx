import { render } from 'preact';
import { preload } from '../ui/use-stored';
import { TeamAccessApp } from './TeamAccessApp';
import { teamBatchItem, teamBatchOutcomesItem, teamMatrixItem, teamScanItem, teamScanProgressItem } from './team-access-storage';

/** Reads what is stored before the first render, so the matrix draws from cache in the very first frame. */
export async function startTeamAccessPage(root: HTMLElement): Promise<void> {
  await preload([teamMatrixItem, teamScanItem, teamScanProgressItem, teamBatchItem, teamBatchOutcomesItem]).catch(() => {});
  render(<TeamAccessApp />, root);
}
