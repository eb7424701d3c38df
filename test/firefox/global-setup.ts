// Vitest global setup for the Firefox suite: one Firefox for every test file, closed when the run ends.
import type { TestProject } from 'vitest/node';
import { launchFirefox } from './firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's Firefox, for puppeteer.connect (test/firefox/suite.ts). */
    firefoxEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const firefox = await launchFirefox();
  project.provide('firefoxEndpoint', firefox.endpoint);
  return () => firefox.close();
}
