// Finds a Chromium for the browser tests: CHROMIUM_PATH, then the usual Debian/Ubuntu paths.
// Never downloads one (Playwright's own download is not reachable here).
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}
