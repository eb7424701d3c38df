import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The packaging tests (npm run test:packaging; npm test runs them after the builds): the client package and the
// widget package packed, installed into a project outside the repository and used from there, and the store packages
// of the extension.
// Slow by nature (npm pack and install, two extension builds), so kept apart from the unit and integration tests.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/packaging/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One file at a time: both run npm and builds, and the machine has two cores.
    fileParallelism: false,
  },
});
