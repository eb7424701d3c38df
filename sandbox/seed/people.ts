import { statuspageId } from '../state/ids';
import type { UserRecord } from '../state/types';

// Realistic, international names (apostrophes and diacritics included on purpose: lists must escape and sort
// them). Users are made by walking both lists in different strides, so 137 users give 137 distinct people.
const FIRST_NAMES = [
  'Ada',
  'Amara',
  'Andrés',
  'Anika',
  'Ben',
  'Bilal',
  'Camille',
  'Chen',
  'Dario',
  'Dmitri',
  'Elif',
  'Emeka',
  'Fatima',
  'Finn',
  'Grace',
  'Hana',
  'Hiroshi',
  'Ingrid',
  'Isabela',
  'Jonas',
  'Kwame',
  'Lars',
  'Leilani',
  'Lucía',
  'Maya',
  'Mateo',
  'Niamh',
  'Noor',
  'Olu',
  'Priya',
  'Rafael',
  'Rosa',
  'Sami',
  'Siobhán',
  'Tomás',
  'Uma',
  'Wei',
  'Yara',
  'Zoë',
  'Zainab',
];
const LAST_NAMES = [
  'Lovelace',
  'Okafor',
  'García',
  'Sørensen',
  "O'Brien",
  'Nakamura',
  'Dubois',
  'Khan',
  'Rossi',
  'Ivanova',
  'Yılmaz',
  'Mensah',
  'Haddad',
  'Müller',
  'Hopper',
  'Kim',
  'Tanaka',
  'Lindqvist',
  'Santos',
  'Becker',
  'Asante',
  'Nilsen',
  'Kahale',
  'Fernández',
  'Patel',
  'Moreau',
  'Byrne',
  'Rahman',
  'Adeyemi',
  'Sharma',
  'Costa',
  'Novak',
  'Lehtonen',
  'Ní Bhriain',
  'Álvarez',
  'Iyer',
  'Zhang',
  'Haddad-Levi',
  'Weiß',
  'Abubakar',
];

export const SEED_USER_COUNT = 137;
const FIRST_USER_CREATED_AT = Date.UTC(2024, 2, 1, 9, 0, 0);
const HOURS_BETWEEN_USERS = 37;

/** `Siobhán Ní Bhriain` -> `siobhan.nibhriain` (ASCII, no spaces or apostrophes). */
function emailLocalPart(first: string, last: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/ø/g, 'o')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
  return `${ascii(first)}.${ascii(last)}`;
}

export function seedUsers(organizationId: string, emailDomain: string, count = SEED_USER_COUNT): UserRecord[] {
  const users: UserRecord[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    let local = emailLocalPart(first, last);
    for (let n = 2; taken.has(local); n++) local = `${emailLocalPart(first, last)}${n}`;
    taken.add(local);
    const createdAt = new Date(FIRST_USER_CREATED_AT + index * HOURS_BETWEEN_USERS * 3_600_000).toISOString();
    users.push({
      id: statuspageId(`user:${emailDomain}:${index}`),
      organization_id: organizationId,
      email: `${local}@${emailDomain}`,
      first_name: first,
      last_name: last,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  return users;
}
