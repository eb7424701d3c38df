import type { CardStrings } from './strings';

export default {
  incident: 'Incident',
  maintenance: 'Maintenance',
  statuses: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    in_progress: 'In progress',
    verifying: 'Verifying',
  },
  more: '+{n} more',
  readMore: 'Read more',
  dismiss: 'Dismiss status message',
} satisfies CardStrings;
