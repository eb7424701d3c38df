import type { EmbedView } from '../../../shared/embed/view';
import english from '../card-stage/locales/en';

/** The card's own words besides the view's label (`more` holds `{n}`). English unless the widget passes a locale's. */
export interface CardWords {
  more: string;
  dismiss: string;
  readMore: string;
}

/** The English words, from the card stage's English strings (one place for them). */
export const ENGLISH_CARD_WORDS: CardWords = english;

export interface StatusCardProps {
  /** What to show (from `computeEmbedView`); null removes the card and leaves the live region empty. */
  view: EmbedView | null;
  /** Called with `view.dismissKey` when the visitor dismisses the card. */
  onDismiss?: ((dismissKey: string) => void) | undefined;
  /** The card's words (English by default) and the language they are in (the card's `lang`). */
  words?: CardWords | undefined;
  lang?: string | undefined;
  /** Pixels from the corner's side edge and from its top or bottom edge (60 and 60 by default, as the official embed). */
  offset?: { side: number; edge: number } | undefined;
}

/** The elements of one drawn card, kept to update them in place on the next summary. */
interface Drawn {
  key: string;
  card: HTMLDivElement;
  label: HTMLElement;
  name: HTMLAnchorElement;
  detail: HTMLElement;
  read: HTMLAnchorElement;
  more: HTMLAnchorElement;
  dismiss: HTMLButtonElement;
  onDismiss?: ((dismissKey: string) => void) | undefined;
}

const drawn = new WeakMap<Element, Drawn>();

function add<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, className: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  if (tag === 'a') Object.assign(element, { target: '_blank', rel: 'noopener noreferrer' });
  return parent.appendChild(element);
}

function build(region: Element, key: string): Drawn {
  const card = document.createElement('div');
  const label = add(card, 'p', 'label');
  const name = add(add(card, 'p', 'name'), 'a', '');
  const parts: Drawn = {
    key,
    card,
    label,
    name,
    detail: add(card, 'p', 'detail'),
    read: add(card, 'a', 'read'),
    more: add(card, 'a', 'more'), // in the card only while there are more
    dismiss: add(card, 'button', 'dismiss'),
  };
  parts.read.hidden = true;
  parts.dismiss.type = 'button';
  parts.dismiss.textContent = '×';
  parts.dismiss.onclick = () => parts.onDismiss?.(parts.key);
  region.append(card);
  return parts;
}

/** Shows the "Read more" link only when the name or the update is clamped (measured once the card is laid out). */
function markClamped({ name, detail, read }: Drawn): void {
  queueMicrotask(() => {
    read.hidden = ![name.parentElement!, detail].some((part) => part.scrollHeight > part.clientHeight + 1);
  });
}

/**
 * Draws the status card into `region` (the live region, already in place so that the card is announced when it
 * appears in it), or updates the one already there in place; a new update (another dismiss key) is a new card,
 * which animates in and is announced again. Text always goes in as text; the colours and offsets as custom
 * properties through the CSSOM (never style text), so a strict CSP is not concerned. Needs the card's stylesheet
 * in the same shadow root (`adoptCardStyles`). The widget's card stage and both of the extension's previews draw
 * with this one function.
 */
export function drawStatusCard(region: Element, { view, onDismiss, words = ENGLISH_CARD_WORDS, lang, offset }: StatusCardProps): void {
  let parts = drawn.get(region);
  if (parts && (!view || parts.key !== view.dismissKey || !parts.card.isConnected)) {
    parts.card.remove();
    drawn.delete(region);
    parts = undefined;
  }
  if (!view) return;
  if (!parts) {
    parts = build(region, view.dismissKey);
    drawn.set(region, parts);
  }
  const { card, label, name, detail, read, more, dismiss } = parts;
  parts.onDismiss = onDismiss;
  card.className = `card ${view.kind} ${view.corner.replace('-', ' ')}`;
  if (lang) card.lang = lang;
  else card.removeAttribute('lang');
  const style = card.style;
  style.setProperty('--bg', view.colours.background);
  style.setProperty('--fg', view.colours.text);
  for (const [property, pixels] of [
    ['--side', offset?.side],
    ['--edge', offset?.edge],
  ] as const) {
    if (pixels === undefined) style.removeProperty(property);
    else style.setProperty(property, `${pixels}px`);
  }
  label.textContent = view.label;
  name.textContent = view.name;
  name.href = read.href = view.href;
  detail.textContent = view.detail;
  read.textContent = words.readMore;
  if (view.more) {
    more.textContent = words.more.replace('{n}', String(view.more.count));
    more.href = view.more.href;
    dismiss.before(more);
  } else more.remove();
  dismiss.setAttribute('aria-label', words.dismiss);
  markClamped(parts);
}
