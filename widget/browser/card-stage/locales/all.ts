// Every language's strings at once: for the ES module (a bundler splits as it likes), the build (which writes each
// non-English one into its own checked file: hence the extensions, for its config loader) and the tests. The script
// tag's card stage never imports this.
import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import ja from './ja.ts';
import pt from './pt.ts';
import type { Language } from './index';
import type { CardStrings } from './strings';

export const LOCALES: Record<Language, CardStrings> = { en, de, fr, es, pt, ja };
