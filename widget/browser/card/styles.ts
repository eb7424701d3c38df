import cardCss from './card.css?inline';

/** The card's CSS text, for a context that cannot adopt a constructable stylesheet (the card itself never needs it). */
export const CARD_CSS: string = cardCss;

let sheet: CSSStyleSheet | undefined;

/** One constructable stylesheet shared by every card in this document (no `<style>` text: strict-CSP safe). */
export function cardStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
  }
  return sheet;
}

/** Adds the card's stylesheet to a shadow root (once), keeping the sheets it already had. */
export function adoptCardStyles(root: ShadowRoot): void {
  const card = cardStyleSheet();
  if (!root.adoptedStyleSheets.includes(card)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, card];
}
