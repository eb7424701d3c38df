import '../../ui/theme.css';
import '../../popup/styles.css';
import '../../ui/controls.css';
import { startPopup } from '../../popup/start';

void startPopup(document.getElementById('app')!);
