import type { CardStrings } from './strings';

export default {
  incident: 'Incidente',
  maintenance: 'Manutenção',
  statuses: {
    investigating: 'Em investigação',
    identified: 'Identificado',
    monitoring: 'Em monitoramento',
    in_progress: 'Em andamento',
    verifying: 'Em verificação',
  },
  more: '+{n} mais',
  readMore: 'Ler mais',
  dismiss: 'Fechar a mensagem de status',
} satisfies CardStrings;
