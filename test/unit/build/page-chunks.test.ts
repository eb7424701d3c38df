// Which chunk each module of the extension's pages goes to (scripts/build/page-chunks.ts), on a small module graph
// shaped like the real one: the built files themselves are checked by test/e2e/preview/bundles.spec.ts.
import { describe, expect, it } from 'vitest';
import { chunkFor, modulePlacer, pagesReaching } from '../../../scripts/build/page-chunks';

type Graph = Record<string, { imports?: string[]; lazy?: string[] }>;

const entry = (page: string) => `/x/extension/entrypoints/${page}/main.tsx`;

/** Rolldown's `getModuleInfo` over a graph written as each module's imports. */
function moduleInfo(graph: Graph) {
  return (id: string) => {
    if (!(id in graph)) return null;
    const importers = Object.keys(graph).filter((other) => graph[other]?.imports?.includes(id));
    const dynamicImporters = Object.keys(graph).filter((other) => graph[other]?.lazy?.includes(id));
    return { importers, dynamicImporters, importedIds: graph[id]?.imports ?? [] } as never;
  };
}

const GRAPH: Graph = {
  [entry('blank')]: { imports: ['first-data.ts'] },
  [entry('popup')]: { imports: ['first-data.ts', 'start.tsx'] },
  [entry('sidepanel')]: { imports: ['first-data.ts', 'start.tsx'] },
  [entry('team-access')]: { imports: ['first-data.ts', 'start-page.tsx'] },
  'first-data.ts': {},
  'start.tsx': { imports: ['preact', 'embed-tab.tsx'], lazy: ['permissions-tab.tsx'] },
  'embed-tab.tsx': { imports: ['preact'] },
  'permissions-tab.tsx': { imports: ['preact', 'modal.tsx'] },
  'start-page.tsx': { imports: ['preact', 'grid.tsx', 'bulk.tsx'] },
  'grid.tsx': { imports: ['preact'] },
  'bulk.tsx': { imports: ['modal.tsx'] },
  'modal.tsx': { imports: ['preact'] },
  preact: {},
};

const placed = (id: string) => chunkFor(id, pagesReaching(id, moduleInfo(GRAPH)));

describe('page chunks', () => {
  it('finds the pages that load a module at start, and those that load it at all', () => {
    const reaching = pagesReaching('modal.tsx', moduleInfo(GRAPH));
    expect([...reaching.atStart]).toEqual(['team-access']);
    expect([...reaching.atAll].sort()).toEqual(['popup', 'sidepanel', 'team-access']);
  });

  it("keeps what every page loads with the empty page's, and what the popup and Team access both load apart", () => {
    expect(placed('first-data.ts')).toBe('page-common');
    expect(placed('preact')).toBe('shared');
  });

  it('gives the popup (with the side panel) and Team access each a chunk of what only they load', () => {
    expect(placed('start.tsx')).toBe('popup');
    expect(placed('embed-tab.tsx')).toBe('popup');
    expect(placed('start-page.tsx')).toBe('team-access');
    expect(placed('grid.tsx')).toBe('team-access');
  });

  it("leaves a module another page loads lazily out of a page's chunk, so no page loads another's", () => {
    // Team access loads the dialog at start; the popup's lazy Permissions tab loads it too.
    expect(placed('modal.tsx')).toBeNull();
    expect(placed('permissions-tab.tsx')).toBeNull();
  });

  it("keeps out of a page's chunk a module that imports one left to Rolldown (it would drag it in)", () => {
    const place = modulePlacer();
    expect(chunkFor('bulk.tsx', pagesReaching('bulk.tsx', moduleInfo(GRAPH)))).toBe('team-access');
    expect(place('bulk.tsx', moduleInfo(GRAPH))).toBeNull();
    expect(place('grid.tsx', moduleInfo(GRAPH))).toBe('team-access');
    expect(place('start.tsx', moduleInfo(GRAPH))).toBe('popup');
  });

  it("never puts a page's entry in a chunk: it runs its page, and must not run in another", () => {
    for (const page of ['blank', 'popup', 'sidepanel', 'team-access']) expect(placed(entry(page))).toBeNull();
  });
});
