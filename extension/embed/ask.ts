import { savesMessages } from '../saves/messages';
import { asker } from '../messaging/asker';
import { embedMessages } from './messages';

export const ask = asker({ ...embedMessages, ...savesMessages });
