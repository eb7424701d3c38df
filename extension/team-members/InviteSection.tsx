import { useMemo, useState } from 'preact/hooks';
import { permissionsText } from '../team-access/bulk/permissions-text';
import type { TeamMatrix } from '../team-access/team-access-storage';
import { useStored } from '../ui/use-stored';
import { AccessChooser } from './AccessChooser';
import { AlertText } from './AlertText';
import { ask } from './ask';
import { type AccessSource, type InvitePlan, planInvite, resolveAccess } from './invite-plan';
import { templatesItem } from './members-storage';
import { MAX_PEOPLE_TEXT, parsePeople } from './people-input';

interface Props {
  connectionId: string;
  matrix: TeamMatrix;
  /** An invitation is under way: a second one waits. */
  busy: boolean;
}

/** "Add people": a list of emails (or a CSV), the access they get, the plan naming each person, then the job. */
export function InviteSection({ connectionId, matrix, busy }: Props) {
  const templates = useStored(templatesItem(connectionId)).value ?? [];
  const [text, setText] = useState('');
  const [source, setSource] = useState<AccessSource>({ kind: 'template', templateId: '' });
  const [plan, setPlan] = useState<InvitePlan>();
  const [error, setError] = useState<string>();
  const users = useMemo(() => Object.values(matrix.users), [matrix]);
  const input = useMemo(() => parsePeople(text), [text]);
  // A choice not made yet (or a template deleted since) means the first in its list, as the select shows it.
  const readUsers = useMemo(() => users.filter((user) => user.cells), [users]);
  const shown: AccessSource =
    source.kind === 'template' && !templates.some((template) => template.id === source.templateId)
      ? { kind: 'template', templateId: templates[0]?.id ?? '' }
      : source.kind === 'copy' && !readUsers.some((user) => user.id === source.userId)
        ? { kind: 'copy', userId: readUsers[0]?.id ?? '' }
        : source;
  const resolved = resolveAccess(shown, templates, users, matrix.pages);
  const preview = () => {
    setError(undefined);
    if (typeof resolved === 'string') setError(resolved);
    else if (input.people.length === 0) setError('List at least one email address');
    else setPlan(planInvite(input.people, resolved, users));
  };
  const start = async () => {
    if (!plan) return;
    setError(undefined);
    try {
      await ask('teamMembersInvite', { label: plan.label.slice(0, 300), access: plan.access, people: plan.create });
      setPlan(undefined);
      setText('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PEOPLE_TEXT) setError(`${file.name} is larger than ${MAX_PEOPLE_TEXT.toLocaleString('en')} bytes: split it`);
    else void file.text().then(setText);
  };
  const access = plan && permissionsText(plan.access, matrix.pages);

  return (
    <section class="members" aria-labelledby="invite-title">
      <h2 id="invite-title">Add people</h2>
      <div class="field">
        <label htmlFor="invite-emails">Email addresses (one a line, or CSV with email and names)</label>
        {/* No maxLength: the browser would cut a long paste silently; parsePeople refuses it whole and says so. */}
        <textarea id="invite-emails" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        <label htmlFor="invite-file">Or a CSV file</label>{' '}
        <input id="invite-file" type="file" accept=".csv,text/csv,text/plain" onChange={(event) => readFile(event.currentTarget.files?.[0])} />
      </div>
      {input.problems.length > 0 && (
        <ul class="problems" aria-label="Lines left out">
          {input.problems.slice(0, 20).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <AccessChooser
        connectionId={connectionId}
        pages={matrix.pages}
        readUsers={users.filter((user) => user.cells)}
        source={source}
        onSource={setSource}
      />
      <button type="button" onClick={preview}>
        Preview the invitation of {input.people.length} {input.people.length === 1 ? 'person' : 'people'}
      </button>
      {plan && (
        <section class="plan" aria-labelledby="invite-plan-title">
          <h3 id="invite-plan-title">
            Plan: add {plan.create.length} {plan.create.length === 1 ? 'person' : 'people'}
          </h3>
          <p>
            {plan.label}. Each new person gets exactly: <strong>{access}</strong>, instead of Statuspage's default (every page, every role).
          </p>
          <ul>
            {plan.create.map((person) => (
              <li key={person.email}>
                {[person.firstName, person.lastName].filter(Boolean).join(' ') || person.email} &lt;{person.email}&gt;: created, with {access}
              </li>
            ))}
            {plan.existing.map(({ person, member }) => (
              <li key={person.email}>
                {member.name} &lt;{person.email}&gt;: already a member, left as they are
              </li>
            ))}
          </ul>
          <button type="button" class="primary" disabled={busy || plan.create.length === 0} onClick={() => void start()}>
            Add {plan.create.length} {plan.create.length === 1 ? 'person' : 'people'}
          </button>{' '}
          <button type="button" onClick={() => setPlan(undefined)}>
            Discard
          </button>
        </section>
      )}
      <AlertText text={error} />
    </section>
  );
}
