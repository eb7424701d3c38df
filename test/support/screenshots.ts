// Where a test's pictures go. `npm test` writes them into the ignored .test-results/screenshots (look at them
// after a run); `npm run screenshots` points SCREENSHOT_DIR at docs/images to refresh the README's pictures.
// No test run ever rewrites a tracked file.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function screenshotPath(name: string): string {
  const dir = resolve(process.env.SCREENSHOT_DIR ?? '.test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
