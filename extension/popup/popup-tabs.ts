import { embedTab } from '../embed/tab';
import { permissionsTab } from '../permissions/tab';
import type { PopupTabDefinition } from '../ui/popup-tab';

/** The popup's tabs, in order, one line each (a feature's background part is listed in background/features.ts). */
export const TABS: readonly PopupTabDefinition[] = [embedTab, permissionsTab];
