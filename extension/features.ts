/**
 * Every feature of the extension, one line each, in the order the popup shows their tabs. A feature is a folder that
 * brings its parts in files of fixed names, each context gathering them by name (import.meta.glob), so that no
 * context's bundle takes another's code: `background.ts` exports `background` (its messages' handlers, job kinds and
 * start-up), `tab.tsx` exports `tab` (a popup tab), `team-access-panel.tsx` exports `panel` (a section of the Team
 * access page). Deleting a feature's folder and its line here removes it everywhere.
 */
export const FEATURES = ['connection', 'saves', 'embed', 'permissions', 'team-access', 'team-members', 'side-panel'] as const;

/** The parts that listed features bring among `modules` (one glob of one kind of file), in the order of FEATURES. */
export function listed<T>(modules: Record<string, T>): T[] {
  const byFolder = new Map<string, T>();
  for (const [path, part] of Object.entries(modules)) {
    const folder = /([\w-]+)\/[\w.-]+$/.exec(path)?.[1];
    if (folder) byFolder.set(folder, part);
  }
  return FEATURES.flatMap((name) => (byFolder.has(name) ? [byFolder.get(name)!] : []));
}
