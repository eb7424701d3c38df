import { sheetOnce } from '../../../widget/browser/card';
/**
 * The preview's own styles, next to the card's. `:host` is the element we add to the page, so the page's rules
 * reach it: `all: initial !important` cuts every one of them (important declarations from inside a shadow root
 * beat the page's, even its inline `!important` ones), then the host becomes a click-through layer over the
 * viewport, above anything the page stacks with z-index.
 */
export const HOST_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
  contain: layout paint style !important;
}

/* Says what the card is and how to close it, in the gap between the card and the viewport's edge. */
.tag {
  all: initial;
  position: absolute;
  box-sizing: border-box;
  padding: 3px 10px;
  border-radius: 999px;
  background: #172b4d;
  color: #ffffff;
  font: 600 12px/18px system-ui, sans-serif;
  box-shadow: 0 2px 6px #09144240;
}
.tag.bottom { bottom: 24px; }
.tag.top { top: 24px; }
.tag.left { left: 60px; }
.tag.right { right: 60px; }

/* Under 450 px the card is a bottom sheet: the tag moves to the top edge. */
@media (max-width: 449.98px) {
  .tag.tag { top: 8px; bottom: auto; left: 8px; right: auto; }
}
`;

/** One constructable stylesheet per document (no `<style>` text on the page). */
export const hostStyleSheet = /* @__PURE__ */ sheetOnce(HOST_CSS);
