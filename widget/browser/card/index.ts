// The card alone: no fetching, no mounting, no framework, so the extension's previews can import it cheaply.
export { type CardWords, drawStatusCard, ENGLISH_CARD_WORDS, type StatusCardProps } from './status-card';
export { adoptCardStyles, cardStyleSheet, CARD_CSS, sheetOnce } from './styles';
export type { EmbedView } from '../../../shared/embed';
