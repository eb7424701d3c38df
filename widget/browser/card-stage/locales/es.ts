import type { CardStrings } from './strings';

export default {
  incident: 'Incidente',
  maintenance: 'Mantenimiento',
  statuses: {
    investigating: 'En investigación',
    identified: 'Identificado',
    monitoring: 'En observación',
    in_progress: 'En curso',
    verifying: 'Verificando',
  },
  more: '+{n} más',
  readMore: 'Leer más',
  dismiss: 'Cerrar el mensaje de estado',
} satisfies CardStrings;
