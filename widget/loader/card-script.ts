import type { CardStage } from '../card-stage/protocol';

/**
 * Loads the card stage from `src`, checked against `integrity` (Subresource Integrity, so a tampered file never
 * runs), once for the page: every embed shares it. A failure rejects and lets the next attempt try again.
 */
export function cardScriptLoader(src: URL | undefined, integrity: string): () => Promise<CardStage> {
  let loading: Promise<CardStage> | undefined;
  return () =>
    (loading ??= new Promise<CardStage>((resolve, reject) => {
      if (!src) throw new Error('no script src');
      const script: HTMLScriptElement = Object.assign(document.createElement('script'), {
        src, // a URL: the property takes its text
        integrity,
        crossOrigin: 'anonymous', // SRI on a script from another origin needs CORS
        onload: () => resolve(window.__statusEmbedCard!), // the file ran, and registered the card stage
        onerror: () => {
          script.remove();
          loading = undefined;
          reject(new Error(`could not load ${src}`));
        },
      });
      document.head.append(script);
    }));
}
