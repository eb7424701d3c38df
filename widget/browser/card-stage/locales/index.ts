// The card's languages, and which one a visitor gets: the `locale` attribute, else the page's <html lang>, else
// the browser's languages; the first whose language we have (`pt-BR` -> pt), else English. Only the choice lives
// here: English is built into the card stage, and each other language's strings are a file of their own
// (strings-source.ts loads the one a visitor needs).

export type { CardStrings } from './strings';

/** The languages the card speaks (all.ts holds their strings; a unit test keeps the two lists equal). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ChosenLocale {
  /** The BCP 47 tag used (the card's `lang`, and Intl's locale for dates). */
  tag: string;
  /** Whose strings the card shows. */
  language: Language;
}

/** A well-formed BCP 47 tag, canonicalised, else undefined (Intl is the judge). */
export function canonicalLocale(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return undefined;
  }
}

/** The first candidate whose language we have; English when none is. */
export function chooseLocale(candidates: ReadonlyArray<string | null | undefined>): ChosenLocale {
  for (const candidate of candidates) {
    const tag = canonicalLocale(candidate);
    const language = tag?.split('-')[0]?.toLowerCase() as Language;
    if (tag && LANGUAGES.includes(language)) return { tag, language };
  }
  return { tag: 'en', language: 'en' };
}
