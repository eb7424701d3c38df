import type { TeamAccessView } from '../team-access/page/TeamAccessApp';
import { useStored } from '../ui/use-stored';
import { InviteReport } from './InviteReport';
import { InviteSection } from './InviteSection';
import { inviteJobItem, offboardJobItem } from './members-storage';
import { OffboardReport } from './OffboardReport';
import { OffboardSection } from './OffboardSection';

/** The team-members part of the Team access page: adding people with the right access, and removing them. */
export function MembersPanel({ connectionId, matrix, selectedUsers }: TeamAccessView) {
  const invite = useStored(inviteJobItem(connectionId)).value ?? null;
  const offboard = useStored(offboardJobItem(connectionId)).value ?? null;
  return (
    <div class="members-panel">
      <InviteSection connectionId={connectionId} matrix={matrix} busy={invite !== null && invite.state !== 'done'} />
      {invite && <InviteReport job={invite} pages={matrix.pages} />}
      <OffboardSection matrix={matrix} selectedUsers={selectedUsers} busy={offboard !== null && offboard.state !== 'done'} />
      {offboard && <OffboardReport job={offboard} pages={matrix.pages} />}
    </div>
  );
}
