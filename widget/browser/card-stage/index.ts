// The card stage (dist/widget/status-embed-card-<hash>.js): zod/mini and the card (drawn with the DOM, no framework). The loader adds it,
// with its integrity hash, only once there is something to show; it registers its entry point and waits. A
// language other than English comes in its own file beside it (status-embed-locale-<language>-<digest>.js),
// checked against the hash the build wrote in here, and only for a visitor who reads that language.
import { clearCard, drawCard, refreshCard } from './draw';
import type { CardStage } from './protocol';
import { localeFile } from './locale-files';
import { setStringsLoader } from './strings-source';

/** Written in by the build (widget/vite.config.ts): each non-English language's digest (its file's sha256). */
declare const __STATUS_EMBED_LOCALE_DIGESTS__: Record<string, string>;

// This file's own address, while it first runs: the language files sit next to it.
const base = (document.currentScript as HTMLScriptElement | null)?.src;

// chooseLocale only picks a language the build wrote a digest for. SRI rejects whatever is not that file (and
// no directory, from an inline copy, rejects too): English then.
setStringsLoader(async (language, kit) => {
  const [file, integrity] = localeFile(language, __STATUS_EMBED_LOCALE_DIGESTS__[language]!);
  await kit.s(new URL(file, base), integrity);
  return window.__statusEmbedLocales![language]!;
});

const cardStage: CardStage = { refresh: refreshCard, draw: drawCard, clear: clearCard };
window.__statusEmbedCard ??= cardStage;
