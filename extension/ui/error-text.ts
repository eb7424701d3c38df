import {
  BadRequestError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  StatuspageError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
  errorFromJSON,
  type StatuspageErrorJSON,
} from '../../shared/index';

/** What a failure was about, so the message can name it: "the embed of Acme Cloud", "Ada Lovelace's permissions". */
export interface ErrorSubject {
  kind: 'page' | 'user';
  name: string;
}

export interface ErrorText {
  message: string;
  /** 401: the popup asks for a new key. */
  needsKey: boolean;
  /** 422: the server's own words, shown next to the field they concern. */
  serverMessage?: string;
}

function subjectText(subject: ErrorSubject | undefined): string {
  if (!subject) return 'this';
  return subject.kind === 'page' ? `the page "${subject.name}"` : `the user "${subject.name}"`;
}

/** Ends `text` as a sentence, so that the next one does not run into it. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The server's words when it refused the values themselves: 422, or 400, which the spec lists for some writes
 * (PUT permissions) where the sandbox answers 422. Shown next to the field or page they name.
 */
export function refusedValuesMessage(error: { status?: number; serverMessage?: string } | undefined): string | undefined {
  return error?.status === 422 || error?.status === 400 ? error.serverMessage : undefined;
}

/**
 * "Could not reach 127.0.0.1:4100: ..." with the likely causes, instead of the browser's bare "Failed to fetch",
 * which names neither the address nor what to do.
 */
export function unreachableText(apiBaseUrl: string | undefined): string {
  let host = 'Statuspage';
  try {
    if (apiBaseUrl) host = new URL(apiBaseUrl).host;
  } catch {
    // Not a URL: say Statuspage.
  }
  const own = host === 'api.statuspage.io';
  return own
    ? 'Could not reach api.statuspage.io: this computer may be offline, or a network filter blocks it. Check the connection and try again.'
    : `Could not reach ${host} (the API base URL ${apiBaseUrl}): the server there may be stopped or the address wrong, or this computer is offline. Check it under Connections.`;
}

/** One sentence a Statuspage admin can act on, for any failure. `apiBaseUrl`: the API the failed call went to. */
export function describeError(raw: unknown, subject?: ErrorSubject, apiBaseUrl?: string): ErrorText {
  const error = raw instanceof StatuspageError ? raw : errorFromJSON(raw as StatuspageErrorJSON);
  const what = subjectText(subject);
  if (error instanceof UnauthorizedError) {
    return { message: 'Statuspage did not accept the API key (401). Enter a new key; your drafts are kept.', needsKey: true };
  }
  if (error instanceof ForbiddenError) {
    return {
      message: `This API key has no access to ${what} (403).${error.serverMessage ? ` ${sentence(error.serverMessage)}` : ''}`,
      needsKey: false,
    };
  }
  if (error instanceof NotFoundError) {
    return { message: `Statuspage could not find ${what} (404): it may have been deleted, or belong to another organization.`, needsKey: false };
  }
  if (error instanceof UnprocessableEntityError || error instanceof BadRequestError) {
    const serverMessage = error.serverMessage ?? 'no reason given';
    return { message: `Statuspage refused the values for ${what} (${error.status}): ${sentence(serverMessage)}`, needsKey: false, serverMessage };
  }
  if (error instanceof RateLimitedError) {
    return { message: `Statuspage asked to slow down (${error.status}).`, needsKey: false };
  }
  if (error instanceof TimeoutError) return { message: `${sentence(error.message)} Check the connection.`, needsKey: false };
  if (error instanceof NetworkError) {
    // Our own refusals (no permission for the origin yet) already say what to do.
    if (!/^Could not reach Statuspage: /.test(error.message)) return { message: sentence(error.message), needsKey: false };
    return { message: unreachableText(apiBaseUrl), needsKey: false };
  }
  return { message: sentence(error.message || 'Something went wrong'), needsKey: false };
}

/**
 * Which field a 422 message is about: the one it names (as `incident_text_color` or as "incident text color"),
 * else the only field sent, else none (the message then shows above the form).
 */
export function fieldOfServerMessage<F extends string>(serverMessage: string, sentFields: readonly F[]): F | undefined {
  const text = serverMessage.toLowerCase();
  const named = sentFields.filter((field) => text.includes(field.toLowerCase()) || text.includes(field.toLowerCase().replace(/_/g, ' ')));
  if (named.length === 1) return named[0];
  if (named.length === 0 && sentFields.length === 1) return sentFields[0];
  return undefined;
}
