import { useEffect, useState } from 'preact/hooks';
import { popupTab, popupTabNow, type PopupTabInfo } from './popup-tab';

/** The tab the popup was opened over (or the one `?tab=` names); undefined until known. */
export function usePopupTab(): PopupTabInfo | undefined {
  // Known already when the start-up asked for it: then no second render to show it.
  const [tab, setTab] = useState(() => popupTabNow()?.tab);
  useEffect(() => {
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
