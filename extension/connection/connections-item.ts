import * as z from 'zod/mini';
import { Connection } from './connection-schema';
import { storedItem } from '../storage/stored-item';

export type { Connection };

/** Every organization the extension is connected to, and the one the popup is on. Written by the background only. */
export const Connections = z.object({ active: z.nullable(z.string()), list: z.array(Connection) });
export type Connections = z.infer<typeof Connections>;

export const connectionsItem = storedItem('local:connections', { schema: Connections, fallback: { active: null, list: [] } });

/** The connection the popup is on, if any. */
export const activeConnection = ({ active, list }: Connections): Connection | undefined => list.find((connection) => connection.id === active);
