/** What the set-up form collects, checked before anything leaves the popup. */
export interface Credentials {
  apiKey: string;
  organizationId: string;
}

// Visible ASCII without spaces: a pasted key often brings a newline or a space along.
const MIN_KEY_LENGTH = 8;
const MAX_KEY_LENGTH = 200;
const API_KEY = /^[\x21-\x7e]+$/;
const ORGANIZATION_ID = /^[A-Za-z0-9_-]{4,64}$/;

/** Field -> what is wrong with it; empty when both are fine. */
export function checkCredentials({ apiKey, organizationId }: Credentials): Partial<Record<keyof Credentials, string>> {
  const problems: Partial<Record<keyof Credentials, string>> = {};
  if (!apiKey.trim()) problems.apiKey = 'Paste the API key from the "API info" page';
  else if (/\s/.test(apiKey.trim())) problems.apiKey = 'An API key has no spaces or line breaks inside: paste it again';
  else if (apiKey.trim().length < MIN_KEY_LENGTH) {
    problems.apiKey = `This key is ${apiKey.trim().length} characters long: an API key has at least ${MIN_KEY_LENGTH} (copy all of it from "API info")`;
  } else if (apiKey.trim().length > MAX_KEY_LENGTH)
    problems.apiKey = `This key is ${apiKey.trim().length} characters long: an API key has at most ${MAX_KEY_LENGTH}`;
  else if (!API_KEY.test(apiKey.trim())) problems.apiKey = 'An API key is letters, digits and punctuation only';
  if (!organizationId.trim()) problems.organizationId = 'Paste the organization ID from the "API info" page';
  else if (!ORGANIZATION_ID.test(organizationId.trim())) problems.organizationId = 'An organization ID is letters and digits';
  return problems;
}
