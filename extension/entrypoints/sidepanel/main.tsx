import '../../ui/theme.css';
import '../../popup/styles.css';
import '../../ui/controls.css';
import './side-panel.css';
import { setSurface } from '../../context/surface';
import { startPopup } from '../../popup/start';

// The same App as the popup, over the same background and storage: drafts, saves and the badge are shared.
setSurface('sidepanel');
void startPopup(document.getElementById('app')!);
