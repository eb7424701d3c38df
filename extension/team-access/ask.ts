import { asker } from '../ui/background-api';
import { teamAccessMessages } from './messages';

export const ask = asker(teamAccessMessages);
