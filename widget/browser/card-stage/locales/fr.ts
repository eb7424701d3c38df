import type { CardStrings } from './strings';

export default {
  incident: 'Incident',
  maintenance: 'Maintenance',
  statuses: {
    investigating: 'Analyse en cours',
    identified: 'Cause identifiée',
    monitoring: 'Sous surveillance',
    in_progress: 'En cours',
    verifying: 'Vérification',
  },
  more: '+{n} autres',
  readMore: 'Lire la suite',
  dismiss: 'Fermer le message d’état',
} satisfies CardStrings;
