// Finds a Firefox for the Firefox browser tests: FIREFOX_PATH, then Debian's firefox-esr.
// Never downloads one (puppeteer-core is installed with PUPPETEER_SKIP_DOWNLOAD and drives the system's Firefox).
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/firefox-esr'];

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}
