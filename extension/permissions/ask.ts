import { savesMessages } from '../saves/messages';
import { asker } from '../messaging/asker';
import { permissionsMessages } from './messages';

export const ask = asker({ ...permissionsMessages, ...savesMessages });
