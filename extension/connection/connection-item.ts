import * as z from 'zod/mini';
import { Connection } from '../messaging/protocol';
import { storedItem } from '../storage/stored-item';

export type { Connection };

export const connectionItem = storedItem('local:connection', { schema: z.nullable(Connection), fallback: null });
