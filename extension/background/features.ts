import { listed } from '../features';
import type { AnyBackgroundPart } from '../jobs/background-part';

/**
 * Every listed feature's part in the background (its `background.ts`, extension/features.ts): the route table, the job
 * engine's kinds and the start-up are composed from this list. Gathered by file name, so the popup never takes it.
 */
export const BACKGROUND_PARTS: readonly AnyBackgroundPart[] = listed(
  // entrypoints/background.ts is WXT's entry point, not a feature.
  import.meta.glob<AnyBackgroundPart>(['../*/background.ts', '!../entrypoints/**'], { eager: true, import: 'background' }),
);
