import { h } from 'preact';
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

export interface StatusEmbedProps {
  /** What to show (from `computeEmbedView`); null renders only the empty live region. */
  view: EmbedView | null;
  /** Called with `view.dismissKey` when the visitor dismisses the card. */
  onDismiss?: (dismissKey: string) => void;
  /** `fixed`: in a corner of the viewport (the widget). `contained`: in a corner of the nearest positioned box (previews). */
  layout?: 'fixed' | 'contained';
  /** The card's words (English by default) and the language they are in (the card's `lang`). */
  words?: CardWords;
  lang?: string;
  /** Pixels from the corner's side edge and from its top or bottom edge (60 and 60 by default, as the official embed). */
  offset?: { side: number; edge: number };
  /** The frame's stacking order (2147483000 by default). */
  zIndex?: number;
}

const external = { target: '_blank', rel: 'noopener noreferrer' };

/** Shows the "Read more" link only when the name or the update is clamped (measured once the card is in the page). */
function markClamped(card: HTMLElement | null): void {
  if (!card) return;
  queueMicrotask(() => {
    const read = card.querySelector<HTMLElement>('.read');
    const cut = [...card.querySelectorAll('.name, .detail')].some((part) => part.scrollHeight > part.clientHeight + 1);
    if (read) read.hidden = !cut;
  });
}

/** The card itself (null when there is nothing to show), for a live region that is already in place (the widget's). */
export function statusCard({ view, onDismiss, words = ENGLISH_CARD_WORDS, lang, offset }: Omit<StatusEmbedProps, 'layout' | 'zIndex'>) {
  return (
    view &&
    h(
      'div',
      {
        key: view.dismissKey, // a new update is a new card: it animates in and is announced again
        class: `card ${view.kind} ${view.corner.replace('-', ' ')}`,
        lang,
        ref: markClamped,
        style: {
          '--bg': view.colours.background,
          '--fg': view.colours.text,
          ...(offset && { '--side': `${offset.side}px`, '--edge': `${offset.edge}px` }),
        },
      },
      h('p', { class: 'label' }, view.label),
      h('p', { class: 'name' }, h('a', { href: view.href, ...external }, view.name)),
      h('p', { class: 'detail' }, view.detail),
      h('a', { class: 'read', href: view.href, hidden: true, ...external }, words.readMore),
      view.more && h('a', { class: 'more', href: view.more.href, ...external }, words.more.replace('{n}', String(view.more.count))),
      h('button', { type: 'button', class: 'dismiss', 'aria-label': words.dismiss, onClick: () => onDismiss?.(view.dismissKey) }, '×'),
    )
  );
}

/**
 * The status card in its live region. The region is always rendered, so that screen readers announce the card
 * when it appears inside it (a region created together with its text is often not announced). Needs the card's
 * stylesheet in the same shadow root (`adoptCardStyles`). Written with `h` rather than JSX: the JSX runtime
 * would cost the widget's size budget a few hundred bytes. Custom properties go through the CSSOM (never
 * style text), so a strict CSP is not concerned.
 */
export function StatusEmbed({ layout = 'fixed', zIndex, ...card }: StatusEmbedProps) {
  return h(
    'div',
    { class: layout, role: 'status', 'aria-live': 'polite', style: zIndex === undefined ? undefined : { '--z': String(zIndex) } },
    statusCard(card),
  );
}
