import '../../ui/theme.css';
import '../../team-access/page/team-access.css';
import { startTeamAccessPage } from '../../team-access/page/start-page';

void startTeamAccessPage(document.getElementById('app')!);
