// The one way tests read the repository's own captures (test/fixtures): real summary.json answers and the official
// OpenAPI document. Nothing in the repository reads outside it, so a lone clone tests itself.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** test/fixtures/statuspage-summaries: eight real summary.json captures (see the README there). */
export const SUMMARY_FIXTURE_DIR = fileURLToPath(new URL('../fixtures/statuspage-summaries/', import.meta.url));
const OPENAPI_FILE = fileURLToPath(new URL('../fixtures/statuspage-openapi/statuspage-openapi.json', import.meta.url));

/** The capture file names, sorted (`incident_critical_update-3_monitoring.json`, ...). */
export const summaryFixtureNames = (): string[] =>
  readdirSync(SUMMARY_FIXTURE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();

/** A capture's text exactly as captured. */
export const readSummaryFixtureText = (name: string): string => readFileSync(`${SUMMARY_FIXTURE_DIR}${name}`, 'utf8');

export const readSummaryFixture = (name: string): Record<string, unknown> => JSON.parse(readSummaryFixtureText(name)) as Record<string, unknown>;

/** The official OpenAPI document (parsed). */
export const readOpenApiDocument = (): { components: { schemas: { [name: string]: { properties: Record<string, unknown> } } } } =>
  JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
