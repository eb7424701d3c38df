import type { ParsedBody } from './http/body-parsing';

/** What the sandbox's middleware leaves on a request's context. */
export interface SandboxEnv {
  Variables: {
    /** The organization the request's API key belongs to (set by auth on /v1). */
    organizationId: string;
    /** The request body once a route has read it (the request log shows it). */
    parsedBody: ParsedBody | undefined;
    /** The body's text once read (the log keeps the start of a body that did not parse). */
    rawBody: string | undefined;
  };
}
