import { savesItem, type SaveRecord } from './save-record';
import { showBadge } from './badge';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the saves record one change at a time (several saves may report at once; the background is the
 * only writer) and keeps the badge in step.
 */
export function updateSaves(change: (saves: Record<string, SaveRecord>) => void): Promise<void> {
  const next = queue.then(async () => {
    const saves = { ...(await savesItem.getValue()) };
    change(saves);
    await savesItem.setValue(saves);
    await showBadge(saves).catch(() => {});
  });
  queue = next.catch(() => {});
  return next;
}

export function putSave(record: SaveRecord): Promise<void> {
  return updateSaves((saves) => {
    saves[record.id] = record;
  });
}

export function removeSave(id: string): Promise<void> {
  return updateSaves((saves) => {
    delete saves[id];
  });
}
