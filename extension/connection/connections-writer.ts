import { type Connections, connectionsItem } from './connections-item';

let queue: Promise<unknown> = Promise.resolve();

/** Changes the connections list one change at a time (the background is its only writer); resolves with the new list. */
export function updateConnections(change: (connections: Connections) => Connections): Promise<Connections> {
  const next = queue.then(async () => {
    const updated = change(await connectionsItem.getValue());
    await connectionsItem.setValue(updated);
    return updated;
  });
  queue = next.catch(() => {});
  return next;
}
