import { useEffect, useState } from 'preact/hooks';
import { followActiveTab } from './active-tab';
import { popupTab, popupTabNow, type PopupTabInfo } from './popup-tab';
import { surface } from './surface';

/**
 * The tab the popup was opened over (or the one `?tab=` names); in the side panel, the active tab of its window as
 * it changes. Undefined until known.
 */
export function usePopupTab(): PopupTabInfo | undefined {
  // Known already when the start-up asked for it: then no second render to show it.
  const [tab, setTab] = useState(() => (surface() === 'sidepanel' ? undefined : popupTabNow()?.tab));
  useEffect(() => {
    if (surface() === 'sidepanel') return followActiveTab(setTab);
    const known = popupTabNow();
    if (known) return setTab(known.tab); // the same answer as the first render's: no render
    let live = true;
    void popupTab().then((found) => live && setTab(found));
    return () => {
      live = false;
    };
  }, []);
  return tab;
}
