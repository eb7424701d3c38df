export declare const PACKAGES_DIR: string;
export declare const STORE_HOST_PERMISSIONS: string[];
/** The names of the files in a zip archive. */
export declare function listZip(zip: Buffer): string[];
/** One file of a zip archive, or undefined when it has no such file. */
export declare function readZipEntry(zip: Buffer, name: string): Buffer | undefined;
/** MV3's host_permissions, or the origins among MV2's permissions. */
export declare function hostPermissionsOf(manifest: { manifest_version?: number; host_permissions?: string[]; permissions?: string[] }): string[];
/** What is wrong with a store build's manifest (none when it is right). */
export declare function manifestProblems(manifest: Record<string, unknown>, version: string, label: string): string[];
/** `sha256sum` lines for the named files of a folder, sorted by name. */
export declare function sha256Sums(dir: string, names: string[]): string;
