import type { Summary } from '../schemas/summary';

export type SampleKind = 'incident' | 'maintenance';

export interface SampleOptions {
  /** The moment the sample is "now" (its timestamps are set around it); defaults to the current time. */
  now?: Date;
  /** The status page the sample claims to come from. */
  statusPageUrl?: string;
}

const MINUTE = 60_000;

/**
 * A believable summary.json with one active incident or one maintenance under way, for previews of the card
 * (the extension shows the customer's colours on it before any real incident exists).
 */
export function sampleSummary(kind: SampleKind, { now = new Date(), statusPageUrl = 'https://status.example.com' }: SampleOptions = {}): Summary {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE).toISOString();
  const page = { id: 'samplepage01', name: 'Example status', url: statusPageUrl, time_zone: 'Etc/UTC', updated_at: at(2) };
  if (kind === 'incident') {
    return {
      page,
      components: [],
      incidents: [
        {
          id: 'sampleincident1',
          name: 'Elevated error rates on sign-in',
          status: 'identified',
          impact: 'minor',
          shortlink: `${statusPageUrl}/incidents/sampleincident1`,
          started_at: at(25),
          created_at: at(25),
          updated_at: at(2),
          resolved_at: null,
          incident_updates: [
            {
              id: 'sampleupdate2',
              status: 'identified',
              body: 'We have found the cause and are rolling out a fix.',
              display_at: at(2),
              created_at: at(2),
            },
            {
              id: 'sampleupdate1',
              status: 'investigating',
              body: 'Some users cannot sign in. We are looking into it.',
              display_at: at(25),
              created_at: at(25),
            },
          ],
        },
      ],
      scheduled_maintenances: [],
      status: { indicator: 'minor', description: 'Minor Service Outage' },
    };
  }
  return {
    page,
    components: [],
    incidents: [],
    scheduled_maintenances: [
      {
        id: 'samplemaint1',
        name: 'Database upgrade',
        status: 'in_progress',
        impact: 'maintenance',
        shortlink: `${statusPageUrl}/incidents/samplemaint1`,
        started_at: at(10),
        created_at: at(60 * 24),
        updated_at: at(10),
        resolved_at: null,
        scheduled_for: at(10),
        scheduled_until: at(-50),
        incident_updates: [
          { id: 'samplemupdate2', status: 'in_progress', body: 'Maintenance is under way.', display_at: at(10), created_at: at(10) },
          { id: 'samplemupdate1', status: 'scheduled', body: 'We will upgrade our database.', display_at: at(60 * 24), created_at: at(60 * 24) },
        ],
      },
    ],
    status: { indicator: 'maintenance', description: 'Service Under Maintenance' },
  };
}
