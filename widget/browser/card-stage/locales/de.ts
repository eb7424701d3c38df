import type { CardStrings } from './strings';

export default {
  incident: 'Störung',
  maintenance: 'Wartung',
  statuses: {
    investigating: 'Wird untersucht',
    identified: 'Ursache erkannt',
    monitoring: 'Wird beobachtet',
    in_progress: 'Läuft',
    verifying: 'Wird überprüft',
  },
  more: '+{n} weitere',
  readMore: 'Weiterlesen',
  dismiss: 'Statusmeldung schließen',
} satisfies CardStrings;
