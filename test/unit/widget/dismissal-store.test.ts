import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDismissalStore, readDismissals } from '../../../widget/browser/data/dismissal-store';

/** A Storage over a Map; `failing` makes every call throw, as in some privacy modes. */
function fakeStorage(failing = false): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const guard = () => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  const storage = {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => {
      guard();
      return data.get(key) ?? null;
    },
    setItem: (key, value) => {
      guard();
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  } as Storage & { data: Map<string, string> };
  // `storage[key]` reads an item too, as on a real Storage (the loader reads that way: fewer bytes).
  return new Proxy(storage, { get: (target, key) => (key in target ? Reflect.get(target, key) : target.getItem(String(key))) });
}

/** The card stage's store, reading through the loader's readDismissals (from the page's localStorage), over one storage. */
function storeOver(storage: Storage) {
  vi.stubGlobal('localStorage', storage);
  return createDismissalStore(readDismissals, () => storage);
}

/** readDismissals over `storage` as the page's localStorage. */
function readFrom(storage: Storage): unknown[] {
  vi.stubGlobal('localStorage', storage);
  return readDismissals();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readDismissals (the loader glance)', () => {
  it('reads a stored list as it is, anything else as a list of one, and nothing when storage throws', () => {
    const storage = fakeStorage();
    expect(readFrom(storage)).toEqual([]);
    storage.data.set('status-embed:dismissed', '["a@1",2]');
    expect(readFrom(storage)).toEqual(['a@1', 2]);
    storage.data.set('status-embed:dismissed', '"a@1"');
    expect(readFrom(storage)).toEqual(['a@1']);
    storage.data.set('status-embed:dismissed', '{broken');
    expect(readFrom(storage)).toEqual([]);
    expect(readFrom(fakeStorage(true))).toEqual([]);
  });
});

describe('createDismissalStore', () => {
  it('keeps only the strings it reads, and the newest twenty', () => {
    const storage = fakeStorage();
    storage.data.set('status-embed:dismissed', JSON.stringify([1, null, ...Array.from({ length: 25 }, (_, i) => `k${i}@1`)]));
    expect(storeOver(storage).read()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i + 5}@1`));
  });

  it('keeps dismissals in storage, where another page load finds them', () => {
    const storage = fakeStorage();
    storeOver(storage).remember('a@1');
    storeOver(storage).remember('b@2');
    expect(storeOver(storage).read()).toEqual(['a@1', 'b@2']);
    expect(JSON.parse(storage.data.get('status-embed:dismissed')!)).toEqual(['a@1', 'b@2']);
  });

  it('ignores what it cannot read', () => {
    const storage = fakeStorage();
    storage.data.set('status-embed:dismissed', '{"not":"a list"}');
    const store = storeOver(storage);
    expect(store.read()).toEqual([]);
    store.remember('a@1');
    expect(store.read()).toEqual(['a@1']);
  });

  it('remembers in memory when storage throws', () => {
    const store = storeOver(fakeStorage(true));
    expect(store.read()).toEqual([]);
    store.remember('a@1');
    expect(store.read()).toEqual(['a@1']);
  });

  it('remembers in memory when only writing fails', () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = storeOver(storage);
    store.remember('a@1');
    store.remember('b@2');
    expect(store.read()).toEqual(['a@1', 'b@2']);
  });
});
