import type { CardStage } from '../card-stage/protocol';

/**
 * Adds a script from `src`, checked against `integrity` (Subresource Integrity, so a tampered file never runs),
 * and resolves once it ran. CORS mode: SRI on a script from another origin needs it. No `src` (the loader was
 * pasted inline, so it has no directory): a rejection. The card stage loads its languages through this one too
 * (the loader lends it).
 */
export function addCheckedScript(src: URL | undefined, integrity: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!src) throw new Error('no script src');
    const script: HTMLScriptElement = Object.assign(document.createElement('script'), {
      src, // a URL: the property takes its text
      integrity,
      crossOrigin: 'anonymous',
      onload: resolve as () => void,
      onerror: () => {
        script.remove();
        reject(new Error(`could not load ${src}`));
      },
    });
    document.head.append(script);
  });
}

/** Loads the card stage once for the page: every embed shares it. A failure lets the next attempt try again. */
export function cardScriptLoader(src: URL | undefined, integrity: string): () => Promise<CardStage> {
  let loading: Promise<CardStage> | undefined;
  return () =>
    (loading ??= addCheckedScript(src, integrity).then(
      () => window.__statusEmbedCard!, // the file ran, and registered the card stage
      (error) => {
        loading = undefined;
        throw error;
      },
    ));
}
