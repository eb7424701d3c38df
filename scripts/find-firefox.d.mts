/** Paths tried, in order, after FIREFOX_PATH. */
export declare const CANDIDATES: string[];
/** FIREFOX_PATH (which must exist), else the first existing candidate, else undefined. */
export declare function findFirefox(): string | undefined;
