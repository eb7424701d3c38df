import { listed } from '../features';
import type { PopupTabDefinition } from '../ui/popup-tab';

/** The popup's tabs: every listed feature's `tab.tsx` (extension/features.ts), in the order of that list. */
export const TABS: readonly PopupTabDefinition[] = listed(import.meta.glob<PopupTabDefinition>('../*/tab.tsx', { eager: true, import: 'tab' }));
