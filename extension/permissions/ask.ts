import { savesMessages } from '../saves/messages';
import { asker } from '../ui/background-api';
import { permissionsMessages } from './messages';

export const ask = asker({ ...permissionsMessages, ...savesMessages });
