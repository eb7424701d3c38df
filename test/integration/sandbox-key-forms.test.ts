import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_ORGANIZATION, SEED_PAGE_IDS, startSandbox, type RunningSandbox } from '../../sandbox';

// Every form a key can take in a request, in one table: whatever the form and wherever it goes (header, query value,
// path segment, body), the request log shows `[redacted]` and never the key (issue 23: the base64 form was missed).

let sandbox: RunningSandbox;
const embedPath = `/pages/${SEED_PAGE_IDS.cloud}/status_embed_config`;
const base64 = (text: string) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { limit: 10_000 } });
});
afterAll(() => sandbox.close());

/** The forms of a key, each with the text that must never reach the log. */
function formsOf(key: string): Array<[string, string]> {
  const padded = base64(key);
  const unpadded = padded.replace(/=+$/, '');
  return [
    ['as written', key],
    ['percent-encoded throughout', [...key].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join('')],
    ['base64', padded],
    ['base64 without padding', unpadded],
    ['base64, URL-safe', unpadded.replace(/\+/g, '-').replace(/\//g, '_')],
  ];
}

/** Where a form goes; `true` when the log shows that place (and so must show `[redacted]` there). */
const places: Array<[string, (form: string) => [string, RequestInit, boolean]]> = [
  ['a query value', (form) => [`/pages?note=${form}`, {}, true]],
  ['a query value named like a key', (form) => [`/pages?api_key=${form}`, {}, true]],
  ['a path segment', (form) => [`/pages/${form}/status_embed_config`, {}, true]],
  [
    'a JSON body value',
    (form) => [
      embedPath,
      { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status_embed_config: { position: form } }) },
      true,
    ],
  ],
  [
    'a form body value',
    (form) => [
      embedPath,
      { method: 'PATCH', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `status_embed_config[position]=${form}` },
      true,
    ],
  ],
  ['an Authorization header with another scheme', (form) => ['/pages', { headers: { authorization: `Basic ${form}` } }, false]],
];

const keys: Array<[string, () => string]> = [
  ['the demo key', () => sandbox.apiKey],
  ["the second organization's key", () => SECOND_ORGANIZATION.apiKey],
];

describe('no form of a key reaches the request log', () => {
  const cases = keys.flatMap(([keyName, key]) =>
    formsOf('placeholder').flatMap(([formName], formIndex) =>
      places.map(([placeName, place]) => ({ name: `${keyName}, ${formName}, in ${placeName}`, key, formIndex, place })),
    ),
  );

  it.each(cases)('$name', async ({ key, formIndex, place }) => {
    const [formName, form] = formsOf(key())[formIndex]!;
    const [path, init, shown] = place(form);
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `OAuth ${sandbox.apiKey}`);
    sandbox.reset();
    await (await fetch(`${sandbox.apiBaseUrl}${path}`, { ...init, headers })).text();
    const log = JSON.stringify(sandbox.requests());
    expect(sandbox.requests(), formName).toHaveLength(1);
    if (shown) expect(log).toContain('[redacted]');
    for (const [, text] of formsOf(key())) expect(log).not.toContain(text);
    expect(log).not.toContain(key());
  });
});
