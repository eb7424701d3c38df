import { savesMessages } from '../saves/messages';
import { asker } from '../ui/background-api';
import { embedMessages } from './messages';

export const ask = asker({ ...embedMessages, ...savesMessages });
