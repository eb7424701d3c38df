import { createStatuspageClient, type StatuspageClientOptions } from '../../../shared/client';
import { FakeClock } from '../rate-limit/fake-clock';
import { API_KEY, BASE_URL, scriptedFetch, type Reply } from './scripted-fetch';

/** A client on a fake clock whose fetch answers with `reply`. */
export function makeClient(reply: Reply, options: Partial<StatuspageClientOptions> = {}) {
  const fetch = scriptedFetch(reply);
  const clock = new FakeClock();
  const client = createStatuspageClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch, clock, ...options });
  return { client, fetch, clock };
}
