import { asker } from '../ui/background-api';
import { connectionMessages } from './messages';

export const ask = asker(connectionMessages);
