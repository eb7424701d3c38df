/**
 * How the extension's pages are split into files. Opening an extension page costs a few milliseconds per file it
 * loads (each is a request through the browser process before the module can run), and Rolldown's automatic
 * splitting gave the popup nine files (seven scripts, two stylesheets) for code that is one start-up. Here the popup
 * (with the side panel, which draws the same App) and Team access each get a chunk of what only they load, with one
 * chunk for what both load and one for what every page loads (the `first-data` mark, Vite's preload helper): the
 * popup opens with five scripts (two of them under 1 kB) and two stylesheets, and the empty page the benchmark
 * compares against keeps exactly the two files it had.
 * - Shared code sits in a chunk of its own, not in the popup's, because a chunk's stylesheet goes with it: Team
 *   access must not load the popup's CSS (`body { width: … }`).
 * - No entry module joins a group: a page's entry runs its page (it renders into `#app`), so it must never sit in a
 *   chunk that another page loads.
 * - A module that another page reaches, even lazily (the popup's Permissions tab imports code Team access loads at
 *   start), is left to Rolldown's own splitting, so that no page ever loads another page's chunk.
 */
import type { ChunkingContext, CodeSplittingOptions } from 'rolldown';

type ModuleInfoOf = ChunkingContext['getModuleInfo'];

const ENTRY = /[\\/]entrypoints[\\/]([\w-]+)[\\/](?:index\.html|main\.tsx?)$/;

/** Which pages (`extension/entrypoints/<page>/`) import `id`: at start (statically), and at all (lazily too). */
export function pagesReaching(id: string, moduleInfo: ModuleInfoOf): { atStart: Set<string>; atAll: Set<string> } {
  const walk = (lazilyToo: boolean) => {
    const pages = new Set<string>();
    const seen = new Set<string>();
    const queue = [id];
    for (let module = queue.pop(); module !== undefined; module = queue.pop()) {
      if (seen.has(module)) continue;
      seen.add(module);
      const page = ENTRY.exec(module)?.[1];
      if (page) pages.add(page);
      const info = moduleInfo(module);
      queue.push(...(info?.importers ?? []), ...(lazilyToo ? (info?.dynamicImporters ?? []) : []));
    }
    return pages;
  };
  return { atStart: walk(false), atAll: walk(true) };
}

/** The chunk a module goes to, or `null` for Rolldown's own splitting; the pages that open with each chunk. */
export function chunkFor(id: string, { atStart, atAll }: ReturnType<typeof pagesReaching>): string | null {
  if (ENTRY.test(id)) return null;
  if (atStart.has('blank')) return 'page-common';
  if (atStart.has('popup') && atStart.has('team-access')) return 'shared';
  const only = (...family: string[]) => [...atAll].every((page) => family.includes(page));
  if (atStart.has('popup') && only('popup', 'sidepanel')) return 'popup';
  if (atStart.has('team-access') && only('team-access')) return 'team-access';
  return null;
}

/**
 * Places modules in chunks, remembering each answer (Rolldown asks about a module once per group). A module joins a
 * page's chunk only when everything it imports may be loaded with that page too (that chunk, `shared` or
 * `page-common`): a group takes its modules' imports with it, so otherwise it would drag into the page's chunk a
 * module that another page loads lazily, and with it the whole chunk into the other page.
 */
export function modulePlacer(): (id: string, moduleInfo: ModuleInfoOf) => string | null {
  const placed = new Map<string, string | null>();
  const place = (id: string, moduleInfo: ModuleInfoOf): string | null => {
    if (placed.has(id)) return placed.get(id) ?? null;
    placed.set(id, null); // while its imports are looked at: an import cycle comes back to a module not yet placed
    let name = chunkFor(id, pagesReaching(id, moduleInfo));
    if (name === 'popup' || name === 'team-access') {
      const allowed = ['page-common', 'shared', name];
      for (const imported of moduleInfo(id)?.importedIds ?? []) {
        const where = place(imported, moduleInfo);
        if (where === null || !allowed.includes(where)) name = null;
      }
    }
    placed.set(id, name);
    return name;
  };
  return place;
}

/** Rolldown's groups, most shared first, each taking the modules `modulePlacer` gives it. */
export function pageChunks(): CodeSplittingOptions {
  const place = modulePlacer();
  const group = (priority: number, names: string[]) => ({
    debugName: names.join(' and '),
    priority,
    name: (id: string, context: ChunkingContext) => {
      const name = place(id, (module) => context.getModuleInfo(module));
      return name && names.includes(name) ? name : null;
    },
  });
  return { groups: [group(3, ['page-common']), group(2, ['shared']), group(1, ['popup', 'team-access'])] };
}
