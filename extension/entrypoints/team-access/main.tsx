import '../../ui/theme.css';
import '../../team-access/team-access.css';
import { startTeamAccessPage } from '../../team-access/start-page';

void startTeamAccessPage(document.getElementById('app')!);
