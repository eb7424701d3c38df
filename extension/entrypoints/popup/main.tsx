import '../../ui/theme.css';
import '../../popup/styles.css';
import { startPopup } from '../../popup/start';

void startPopup(document.getElementById('app')!);
