// What the sandbox accepts, at most. A hostile or buggy client (it is a test tool: both happen) gets a 4xx that
// names the limit, never a 500, and no stream of requests can make the sandbox's memory grow without bound.

/** A request body, in bytes (Content-Length, or counted as it streams in): 413 beyond. */
export const MAX_BODY_BYTES = 1_000_000;
/** Nesting of a JSON body (arrays and objects): 400 beyond, checked before anything recursive reads it. */
export const MAX_JSON_DEPTH = 64;
/** A 400 or 422 lists this many problems, then says how many more there were. */
export const MAX_PROBLEMS_LISTED = 10;
/** Any error message the sandbox writes is cut to this many characters. */
export const MAX_MESSAGE_CHARS = 2_000;
/** The request log's total size (its entries' JSON, in characters); the oldest entries go first. */
export const REQUEST_LOG_BUDGET_CHARS = 4_000_000;
/** A body kept in the request log larger than this (as JSON) is kept as its first characters only. */
export const MAX_LOGGED_BODY_CHARS = 4_000;
/** A logged path or query value longer than this is cut. */
export const MAX_LOGGED_TEXT_CHARS = 2_000;
/** Faults queued at once (POST /_control/faults): 400 beyond, until some are used up or DELETE /_control/faults. */
export const MAX_QUEUED_FAULTS = 100;
