// The real summary.json captures, read from the brief's shared folder (never copied into the repo).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_DIR = resolve('../shared/fixtures/statuspage-summaries');

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();

export const readFixture = (name: string): unknown => JSON.parse(readFileSync(resolve(FIXTURE_DIR, name), 'utf8'));
