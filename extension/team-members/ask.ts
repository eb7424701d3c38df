import { asker } from '../messaging/asker';
import { teamMembersMessages } from './messages';

export const ask = asker(teamMembersMessages);
