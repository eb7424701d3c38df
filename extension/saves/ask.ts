import { asker } from '../messaging/asker';
import { savesMessages } from './messages';

export const ask = asker(savesMessages);
