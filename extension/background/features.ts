import { connectionBackground } from '../connection/background';
import { embedBackground } from '../embed/background';
import type { AnyBackgroundPart } from '../jobs/background-part';
import { permissionsBackground } from '../permissions/background';
import { savesBackground } from '../saves/background';
import { sidePanelBackground } from './side-panel';
import { teamAccessBackground } from '../team-access/background';
import { teamMembersBackground } from '../team-members/background';

/**
 * Every feature's part in the background, one line each: the route table, the job engine's kinds and the start-up
 * are composed from this list (a feature's popup tab is listed in popup/popup-tabs.ts).
 */
export const FEATURES: readonly AnyBackgroundPart[] = [
  connectionBackground,
  savesBackground,
  embedBackground,
  permissionsBackground,
  teamAccessBackground,
  teamMembersBackground,
  sidePanelBackground,
];
