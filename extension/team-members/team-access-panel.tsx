import './team-members.css';
import type { TeamAccessExtra } from '../team-access/page/TeamAccessApp';
import { MembersPanel } from './MembersPanel';

/** Team members' section of the Team access page (invite, seats, offboard), gathered by extension/features.ts. */
export const panel: TeamAccessExtra = (view) => <MembersPanel {...view} />;
