import { describe, expect, it } from 'vitest';
import { createDismissalStore } from '../../../widget/data/dismissal-store';

/** A Storage over a Map; `failing` makes every call throw, as in some privacy modes. */
function fakeStorage(failing = false): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const guard = () => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  return {
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
    removeItem: (key) => void data.delete(key),
  };
}

describe('createDismissalStore', () => {
  it('keeps dismissals in storage, where another page load finds them', () => {
    const storage = fakeStorage();
    createDismissalStore(() => storage).remember('a@1');
    createDismissalStore(() => storage).remember('b@2');
    expect(createDismissalStore(() => storage).read()).toEqual(['a@1', 'b@2']);
    expect(JSON.parse(storage.data.get('status-embed:dismissed')!)).toEqual(['a@1', 'b@2']);
  });

  it('ignores what it cannot read', () => {
    const storage = fakeStorage();
    storage.data.set('status-embed:dismissed', '{"not":"a list"}');
    const store = createDismissalStore(() => storage);
    expect(store.read()).toEqual([]);
    store.remember('a@1');
    expect(store.read()).toEqual(['a@1']);
  });

  it('remembers in memory when storage throws', () => {
    const store = createDismissalStore(() => fakeStorage(true));
    expect(store.read()).toEqual([]);
    store.remember('a@1');
    expect(store.read()).toEqual(['a@1']);
  });

  it('remembers in memory when only writing fails', () => {
    const storage = fakeStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = createDismissalStore(() => storage);
    store.remember('a@1');
    store.remember('b@2');
    expect(store.read()).toEqual(['a@1', 'b@2']);
  });
});
