// The widget bundles zod with the parts its schemas never reach left out (widget/build/trim-zod.ts). These tests
// bundle the widget's three schemas both ways and check that they accept and reject the same inputs, with the same
// values out; and that a schema the trimmed zod cannot serve fails at once rather than validating less.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyZodCuts, trimZod, ZOD_CUTS } from '../../../widget/build/trim-zod';
import { readSummaryFixture as readFixture, summaryFixtureNames as fixtureNames } from '../../support/fixtures';

interface Schema {
  parse(value: unknown): unknown;
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
type Schemas = Record<'EmbedSummary' | 'PublicEmbedConfig' | 'DismissedKeys', Schema>;

const root = resolve('.');
const WIDGET_SCHEMAS = [
  `export { EmbedSummary } from ${JSON.stringify(`${root}/shared/schemas/embed-summary.ts`)};`,
  `export { PublicEmbedConfig } from ${JSON.stringify(`${root}/shared/schemas/embed-config.ts`)};`,
  `export { DismissedKeys } from ${JSON.stringify(`${root}/shared/embed/dismissal.ts`)};`,
].join('\n');

/** Bundles `source` (one ES module, zod inlined) with or without the trim, and imports the result. */
async function bundle<T>(source: string, trimmed: boolean): Promise<T> {
  const probe: Plugin = {
    name: 'probe',
    resolveId: (id) => (id === 'probe' ? '\0probe' : undefined),
    load: (id) => (id === '\0probe' ? source : undefined),
  };
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [probe, ...(trimmed ? [trimZod()] : [])],
    build: { write: false, minify: false, rolldownOptions: { input: 'probe', preserveEntrySignatures: 'strict', output: { format: 'es' } } },
  })) as Rolldown.RolldownOutput;
  const chunk = output.output.find((file) => file.type === 'chunk')!;
  return (await import(`data:text/javascript;base64,${Buffer.from(chunk.code).toString('base64')}`)) as T;
}

/** What a parse gives, in a comparable form: the value, or that it failed. */
function outcome(schema: Schema, value: unknown): unknown {
  const result = schema.safeParse(value);
  let thrown = false;
  try {
    schema.parse(value);
  } catch {
    thrown = true;
  }
  return { success: result.success, data: result.success ? result.data : undefined, thrown };
}

const clone = <T>(value: T): T => structuredClone(value);

/** Real captures, and each one broken in the ways a status page (or something in its place) might break it. */
function summaries(): unknown[] {
  const out: unknown[] = [null, undefined, 'summary', 42, [], {}, { page: { url: 'https://x.test' } }];
  for (const name of fixtureNames()) {
    const body = readFixture(name) as Record<string, any>;
    out.push(body);
    const withIncident = body.incidents[0] ? body : (readFixture('incident_major_update-3_monitoring.json') as Record<string, any>);
    const edits: Array<(copy: Record<string, any>) => void> = [
      (c) => (c.extra = { nested: true }),
      (c) => (c.page.url = 5),
      (c) => delete c.page,
      (c) => (c.incidents = 'none'),
      (c) => (c.scheduled_maintenances = null),
      (c) => (c.incidents[0].name = null),
      (c) => delete c.incidents[0].id,
      (c) => (c.incidents[0].shortlink = null),
      (c) => delete c.incidents[0].shortlink,
      (c) => (c.incidents[0].shortlink = 7),
      (c) => (c.incidents[0].unknown_field = [1, 2]),
      (c) => (c.incidents[0].incident_updates = {}),
      (c) => (c.incidents[0].incident_updates[0].body = null),
      (c) => (c.incidents[0].incident_updates[0].body = 5),
      (c) => delete c.incidents[0].incident_updates[0].body,
      (c) => (c.incidents[0].incident_updates[0].display_at = undefined),
      (c) => (c.incidents[0].incident_updates[0] = 'update'),
      (c) => (c.incidents[0].__proto__ = { polluted: true }),
    ];
    for (const edit of edits) {
      const copy = clone(withIncident);
      edit(copy);
      out.push(copy);
    }
  }
  return out;
}

const CONFIGS: unknown[] = [
  {},
  { position: 'top-left', incident_background_color: '#fff' },
  { position: null, maintenance_text_color: null },
  { position: 'top-left', extra: 1, page_id: 'p' },
  { position: 3 },
  { incident_text_color: ['#fff'] },
  { maintenance_background_color: { toString: '#fff' } },
  [],
  null,
  'config',
  JSON.parse('{"__proto__": {"position": "top-left"}, "position": "bottom_right"}'),
];

const DISMISSALS: unknown[] = [[], ['a@1', 'b@2'], ['a@1', 2], 'a@1', null, {}, [null], new Array(3)];

describe('the trimmed zod in the widget bundle', () => {
  let full: Schemas;
  let trimmed: Schemas;
  beforeAll(async () => {
    [full, trimmed] = await Promise.all([bundle<Schemas>(WIDGET_SCHEMAS, false), bundle<Schemas>(WIDGET_SCHEMAS, true)]);
  }, 60_000);

  it('finds every cut in the installed zod, once', () => {
    for (const file of new Set(ZOD_CUTS.map((cut) => cut.file))) {
      const source = readFileSync(resolve('node_modules/zod', file), 'utf8');
      const trimmedSource = applyZodCuts(file, source);
      expect(trimmedSource.length).toBeLessThan(source.length);
    }
    expect(() => applyZodCuts('v4/core/schemas.js', 'export {}')).toThrow(/no longer reads as expected/);
  });

  it('accepts and rejects the same summaries, with the same values out', () => {
    const inputs = summaries();
    expect(inputs.length).toBeGreaterThan(100);
    for (const input of inputs) expect(outcome(trimmed.EmbedSummary, input)).toEqual(outcome(full.EmbedSummary, input));
    // The comparison has both answers in it.
    expect(inputs.some((input) => full.EmbedSummary.safeParse(input).success)).toBe(true);
    expect(inputs.some((input) => !full.EmbedSummary.safeParse(input).success)).toBe(true);
  });

  it('accepts and rejects the same configs and stored dismissals', () => {
    for (const input of CONFIGS) expect(outcome(trimmed.PublicEmbedConfig, input)).toEqual(outcome(full.PublicEmbedConfig, input));
    for (const input of DISMISSALS) expect(outcome(trimmed.DismissedKeys, input)).toEqual(outcome(full.DismissedKeys, input));
    expect(trimmed.PublicEmbedConfig.parse({ position: 'top-left', extra: 1 })).toEqual({ position: 'top-left', extra: 1 });
    expect(() => trimmed.DismissedKeys.parse([1])).toThrow();
  });

  it('leaves out only API the widget does not call', () => {
    const schema = trimmed.EmbedSummary as unknown as Record<string, unknown>;
    for (const method of ['parseAsync', 'safeParseAsync', 'check', 'clone', '~standard']) expect(schema[method], method).toBeUndefined();
    expect(typeof (full.EmbedSummary as unknown as Record<string, unknown>).parseAsync).toBe('function');
  });

  it('fails at once, rather than validating less, for a schema with a check', async () => {
    const withCheck = `export { HexColour } from ${JSON.stringify(`${root}/shared/schemas/colour.ts`)};`;
    await expect(bundle(withCheck, true)).rejects.toThrow(/check/);
    const untouched = await bundle<{ HexColour: Schema }>(withCheck, false);
    expect(untouched.HexColour.safeParse('red').success).toBe(false);
  }, 60_000);
});
