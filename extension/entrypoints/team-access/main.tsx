import '../../ui/theme.css';
import '../../team-access/page/team-access.css';
import '../../team-members/team-members.css';
import { startTeamAccessPage } from '../../team-access/page/start-page';
import { MembersPanel } from '../../team-members/MembersPanel';

void startTeamAccessPage(document.getElementById('app')!, (view) => <MembersPanel {...view} />);
