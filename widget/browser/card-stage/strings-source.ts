// Where the card's words come from. English is built into the card stage; another language is held once it has
// come: the script tag's card stage loads that language's own checked file (card-stage/index.ts sets the
// loader), the ES module holds every language from the start. A language that cannot be had (the file is
// blocked, tampered with or missing) falls back to English for the page view, with one warning.
import en from './locales/en';
import type { CardStrings, ChosenLocale, Language } from './locales';
import type { LoaderKit } from './protocol';

/** Fetches one language's strings (the script tag's card stage: its checked file, through the loader's kit). */
export type StringsLoader = (language: Language, kit: LoaderKit) => Promise<CardStrings>;

/** A language's strings; null once loading them failed. */
const held: Partial<Record<Language, CardStrings | null>> = { en };
const loading: Partial<Record<Language, Promise<unknown>>> = {};
let load: StringsLoader = () => Promise.reject(new Error('no strings loader'));

/** Holds strings from the start (the ES module: every language). */
export function holdStrings(strings: Partial<Record<Language, CardStrings>>): void {
  Object.assign(held, strings);
}

export function setStringsLoader(loader: StringsLoader): void {
  load = loader;
}

/**
 * The words for `chosen`, with the `lang` they are in: at once when held (English when the language failed);
 * else undefined, after starting the load (once per language), and `then` runs when it settles.
 */
export function stringsFor(chosen: ChosenLocale, kit: LoaderKit, then: () => void): { tag: string; strings: CardStrings } | undefined {
  const { language } = chosen;
  const strings = held[language];
  if (strings) return { tag: chosen.tag, strings };
  if (strings === null) return { tag: 'en', strings: en };
  loading[language] ??= load(language, kit).then(
    (loaded) => {
      held[language] = loaded || null; // a page that meddled with the strings' global: English
    },
    (error) => {
      held[language] = null;
      kit.w(`no ${language} strings (English instead)`, error);
    },
  );
  loading[language].then(then);
  return undefined;
}
