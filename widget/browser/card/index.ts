// The card alone: no fetching, no mounting, so the extension's previews can import it cheaply.
export { type CardWords, ENGLISH_CARD_WORDS, StatusEmbed, type StatusEmbedProps } from './StatusEmbed';
export { adoptCardStyles, cardStyleSheet, CARD_CSS } from './styles';
export type { EmbedView } from '../../../shared/embed';
