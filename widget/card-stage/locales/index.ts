// The card's languages, and which one a visitor gets: the `locale` attribute, else the page's <html lang>, else
// the browser's languages; the first whose language we have (`pt-BR` -> pt), else English.
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import ja from './ja';
import pt from './pt';
import type { CardStrings } from './strings';

export type { CardStrings } from './strings';

export const LOCALES: Record<string, CardStrings> = { en, de, fr, es, pt, ja };

export interface ResolvedLocale {
  /** The BCP 47 tag used (the card's `lang`, and Intl's locale for dates). */
  tag: string;
  strings: CardStrings;
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
export function resolveLocale(candidates: ReadonlyArray<string | null | undefined>): ResolvedLocale {
  for (const candidate of candidates) {
    const tag = canonicalLocale(candidate);
    const strings = tag && LOCALES[tag.split('-')[0]!.toLowerCase()];
    if (tag && strings) return { tag, strings };
  }
  return { tag: 'en', strings: en };
}
