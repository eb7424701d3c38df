import '../../ui/theme.css';
import '../../team-access/page/team-access.css';
import { listed } from '../../features';
import { startTeamAccessPage } from '../../team-access/page/start-page';
import type { TeamAccessExtra } from '../../team-access/page/TeamAccessApp';

// The sections features add to the page (their `team-access-panel.tsx`, extension/features.ts), in the list's order.
const panels = listed(import.meta.glob<TeamAccessExtra>('../../*/team-access-panel.tsx', { eager: true, import: 'panel' }));

void startTeamAccessPage(document.getElementById('app')!, (view) => panels.map((panel) => panel(view)));
