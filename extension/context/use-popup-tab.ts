import { useEffect, useState } from 'preact/hooks';
import { popupTab, type PopupTabInfo } from './popup-tab';

/** The tab the popup was opened over (or the one `?tab=` names); undefined until known. */
export function usePopupTab(): PopupTabInfo | undefined {
  const [tab, setTab] = useState<PopupTabInfo>();
  useEffect(() => {
    let live = true;
    void popupTab().then((found) => live && setTab(found));
    return () => {
      live = false;
    };
  }, []);
  return tab;
}
