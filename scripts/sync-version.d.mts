export interface WorkspacePackage {
  dir: string;
  manifest: string;
  name: string;
  version: string;
}
/** Every workspace package the root package.json lists. */
export declare function workspacePackages(root?: string): WorkspacePackage[];
/** The packages whose version differs from the root's. */
export declare function versionMismatches(root?: string): { name: string; version: string; expected: string }[];
/** Files whose text pins the package version: `[path, pattern matching the pinned name@version]`. */
export declare const PINNED_IN_TEXT: [string, RegExp][];
