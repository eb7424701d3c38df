import { useEffect, useState } from 'preact/hooks';
import { followActiveTab } from './active-tab';
import { popupTab, type PopupTabInfo } from './popup-tab';
import { surface } from './surface';

/**
 * The tab the popup was opened over (or the one `?tab=` names); in the side panel, the active tab of its window as
 * it changes. Undefined until known.
 */
export function usePopupTab(): PopupTabInfo | undefined {
  const [tab, setTab] = useState<PopupTabInfo>();
  useEffect(() => {
    if (surface() === 'sidepanel') return followActiveTab(setTab);
    let live = true;
    void popupTab().then((found) => live && setTab(found));
    return () => {
      live = false;
    };
  }, []);
  return tab;
}
