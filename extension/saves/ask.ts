import { asker } from '../ui/background-api';
import { savesMessages } from './messages';

export const ask = asker(savesMessages);
