import * as z from 'zod/mini';

// The part of summary.json the status embed reads. Every `Summary` is an `EmbedSummary` (a test checks it),
// so shared code takes either; the widget parses with this one because its bundle has a size budget and
// the full schema (components, status, the maintenance extension) would add half a kilobyte for nothing.
const text = z.optional(z.nullable(z.string()));

export const EmbedSummaryUpdate = z.looseObject({
  status: z.string(),
  body: z.nullable(z.string()),
  display_at: text,
  created_at: text,
});

/** An incident or a scheduled maintenance (the maintenance fields are absent on an incident). */
export const EmbedSummaryItem = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  shortlink: text,
  started_at: text,
  created_at: text,
  updated_at: text,
  scheduled_for: text,
  scheduled_until: text,
  incident_updates: z.array(EmbedSummaryUpdate),
});
export type EmbedSummaryItem = z.infer<typeof EmbedSummaryItem>;

export const EmbedSummary = z.looseObject({
  page: z.looseObject({ url: z.string() }),
  incidents: z.array(EmbedSummaryItem),
  scheduled_maintenances: z.array(EmbedSummaryItem),
});
export type EmbedSummary = z.infer<typeof EmbedSummary>;
