import { asker } from '../messaging/asker';
import { connectionMessages } from './messages';

export const ask = asker(connectionMessages);
