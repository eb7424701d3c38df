import { useState } from 'preact/hooks';
import type { PagePermissions } from '../../shared/schemas';
import type { MatrixPage, MatrixUser } from '../team-access/team-access-storage';
import { useStored } from '../ui/use-stored';
import { AlertText } from './AlertText';
import type { AccessSource } from './invite-plan';
import { type AccessTemplate, templatesItem } from './members-storage';
import { PagesRolesPicker } from './PagesRolesPicker';
import { deleteTemplate, saveTemplate } from './templates';

interface Props {
  connectionId: string;
  pages: MatrixPage[];
  /** Users whose access has been read: the ones whose access can be copied. */
  readUsers: MatrixUser[];
  source: AccessSource;
  onSource(source: AccessSource): void;
}

/** The access new people get (`source` as shown: a choice not made yet is the first of its list): a saved template, a copy of someone's, or pages and roles picked (and saved as a template). */
export function AccessChooser({ connectionId, pages, readUsers, source, onSource }: Props) {
  const item = templatesItem(connectionId);
  const templates: AccessTemplate[] = useStored(item).value ?? [];
  const [picked, setPicked] = useState<PagePermissions>({});
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<string>();
  const write = async (change: (list: AccessTemplate[]) => AccessTemplate[]) => {
    setError(undefined);
    try {
      await item.setValue(change(await item.getValue()));
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  };
  const pick = (pages: PagePermissions) => {
    setPicked(pages);
    onSource({ kind: 'pick', pages });
  };
  const chosenTemplate = source.kind === 'template' && source.templateId ? source.templateId : (templates[0]?.id ?? '');
  const chosenUser = source.kind === 'copy' && source.userId ? source.userId : (readUsers[0]?.id ?? '');

  return (
    <fieldset class="members-access">
      <legend>Access they get</legend>
      <label class="inline">
        <input
          type="radio"
          name="members-source"
          checked={source.kind === 'template'}
          onChange={() => onSource({ kind: 'template', templateId: chosenTemplate })}
        />
        A saved template
      </label>
      <label class="inline">
        <input type="radio" name="members-source" checked={source.kind === 'copy'} onChange={() => onSource({ kind: 'copy', userId: chosenUser })} />
        Copy a user's access
      </label>
      <label class="inline">
        <input type="radio" name="members-source" checked={source.kind === 'pick'} onChange={() => pick(picked)} />
        Pick pages and roles
      </label>
      {source.kind === 'template' && (
        <div class="field">
          <label htmlFor="members-template">Template</label>{' '}
          <select
            id="members-template"
            value={chosenTemplate}
            onChange={(event) => onSource({ kind: 'template', templateId: event.currentTarget.value })}
          >
            {templates.length === 0 && <option value="">No template saved yet</option>}
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>{' '}
          {templates.some((template) => template.id === chosenTemplate) && (
            <>
              <button
                type="button"
                onClick={() => {
                  const template = templates.find((candidate) => candidate.id === chosenTemplate)!;
                  setEditing(template.id);
                  setName(template.name);
                  pick(template.pages);
                }}
              >
                Edit template
              </button>{' '}
              <button
                type="button"
                onClick={() => void write((list) => deleteTemplate(list, chosenTemplate)).then(() => onSource({ kind: 'template', templateId: '' }))}
              >
                Delete template
              </button>
            </>
          )}
        </div>
      )}
      {source.kind === 'copy' && (
        <div class="field">
          <label htmlFor="members-copy">Same access as</label>{' '}
          <select id="members-copy" value={chosenUser} onChange={(event) => onSource({ kind: 'copy', userId: event.currentTarget.value })}>
            {readUsers.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} &lt;{user.email}&gt;
              </option>
            ))}
          </select>
        </div>
      )}
      {source.kind === 'pick' && (
        <>
          <PagesRolesPicker pages={pages} value={picked} onChange={pick} />
          <div class="field">
            <label htmlFor="members-template-name">Template name</label>{' '}
            <input id="members-template-name" value={name} maxLength={120} onInput={(event) => setName(event.currentTarget.value)} />{' '}
            <button
              type="button"
              onClick={() =>
                void write((list) => saveTemplate(list, { ...(editing && { id: editing }), name, pages: picked }, Date.now())).then((saved) => {
                  if (saved) setEditing(undefined);
                })
              }
            >
              {editing ? 'Save the template' : 'Save as a template'}
            </button>
          </div>
        </>
      )}
      <AlertText text={error} />
    </fieldset>
  );
}
