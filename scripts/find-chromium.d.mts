/** Paths tried, in order, after CHROMIUM_PATH. */
export declare const CANDIDATES: string[];
/** CHROMIUM_PATH (which must exist), else the first existing candidate, else undefined. */
export declare function findChromium(): string | undefined;
