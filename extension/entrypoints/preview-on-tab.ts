import { startPreviewListener } from '../preview/page/page-listener';

// "Preview on this tab": injected by the popup with scripting.executeScript under activeTab, on request only.
export default defineUnlistedScript(() => {
  startPreviewListener();
});
