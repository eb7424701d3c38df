import cardCss from './card.css?inline';

/** The card's CSS text, for a context that cannot adopt a constructable stylesheet (the card itself never needs it). */
export const CARD_CSS: string = cardCss;

/** A function giving one constructable stylesheet of `css`, made on its first call (no `<style>` text: strict-CSP safe). */
export function sheetOnce(css: string): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };
}

/** One stylesheet shared by every card in this document. */
export const cardStyleSheet = /* @__PURE__ */ sheetOnce(CARD_CSS);

/** Adds the card's stylesheet to a shadow root (once), keeping the sheets it already had. */
export function adoptCardStyles(root: ShadowRoot): void {
  const card = cardStyleSheet();
  if (!root.adoptedStyleSheets.includes(card)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, card];
}
