import { asker } from '../messaging/asker';
import { teamAccessMessages } from './messages';

export const ask = asker(teamAccessMessages);
