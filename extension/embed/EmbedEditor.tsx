import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { mergeEmbedConfig } from '../../shared/embed';
import { pickPublicEmbedConfig, statusPageUrl, type Page, type StatusEmbedConfig } from '../../shared/index';
import { ask } from './ask';
import { useConnectionId } from '../ui/connection-context';
import { useSaveShortcut } from '../ui/use-save-shortcut';
import { fieldOfServerMessage, refusedValuesMessage } from '../ui/error-text';
import { markFirstData } from '../ui/first-data';
import { AfterFirstPaint } from '../ui/AfterFirstPaint';
import { SaveStatus } from '../saves/SaveStatus';
import { InPagePreviewControls } from '../preview/popup/InPagePreviewControls';
import { OpenBesidePage } from '../preview/popup/OpenBesidePage';
import { SampleSwitch } from '../preview/popup/SampleSwitch';
import type { PreviewSample } from '../preview/protocol';
import { useInPagePreview } from '../preview/popup/use-in-page-preview';
import { usePopupTab } from '../context/use-popup-tab';
import type { EmbedDraft } from './embed-draft';
import { isSaveInProgress, type SaveRecord } from '../saves/save-record';
import { ColourField } from './ColourField';
import { ContrastNote } from './ContrastNote';
import { CopySnippetButton } from './CopySnippetButton';
import { CopyWidgetSnippet } from './CopyWidgetSnippet';
import { CornerPicker } from './CornerPicker';
import { COLOUR_FIELDS, embedChanges, hasChanges, invalidColourFields, unsetFields, type ColourField as Field } from './embed-draft';
import { EmbedPreview } from './EmbedPreview';
import { useEmbedDraft } from './use-embed-draft';

const COLOUR_LABELS: Record<Field, string> = {
  incident_background_color: 'Incident background',
  incident_text_color: 'Incident text',
  maintenance_background_color: 'Maintenance background',
  maintenance_text_color: 'Maintenance text',
};

interface Props {
  page: Page;
  serverConfig: StatusEmbedConfig;
  storedDraft: EmbedDraft | null;
  save: SaveRecord | undefined;
}

/** Corner, four colours with their contrast, the live preview, and Save / Revert / Copy embed snippet. */
export function EmbedEditor({ page, serverConfig, storedDraft, save }: Props) {
  const connectionId = useConnectionId();
  const { base, values, draft, set: setValue, revert } = useEmbedDraft(page.id, serverConfig, storedDraft);
  // "Saved." until the next edit: the answer to the save this popup sent.
  const [saved, setSaved] = useState(false);
  const set: typeof setValue = (field, value) => {
    setSaved(false);
    setValue(field, value);
  };
  const changes = embedChanges(base, values);
  const invalid = invalidColourFields(values);
  const unset = unsetFields(base);
  const busy = isSaveInProgress(save);
  const previewConfig = useMemo(() => mergeEmbedConfig(pickPublicEmbedConfig(base), { ...values }), [base, values]);
  useLayoutEffect(markFirstData, []);
  // The same card on the tab itself, while there is a draft (extension/preview/).
  const [sample, setSample] = useState<PreviewSample>('incident');
  const tab = usePopupTab();
  const inPage = useInPagePreview({ tab, active: draft !== null, config: previewConfig, sample, statusPageUrl: statusPageUrl(page) });

  // A 422 (or 400) names its field next to that field; the server's words, verbatim.
  const serverMessage = save?.state === 'failed' ? refusedValuesMessage(save.error) : undefined;
  const sentFields = save?.kind === 'embed' ? (Object.keys(save.request.changes) as Array<keyof typeof changes>) : [];
  const serverField = serverMessage ? fieldOfServerMessage(serverMessage, sentFields) : undefined;
  const serverErrorFor = (field: string) => (serverField === field ? `Statuspage: ${serverMessage}` : undefined);

  function onSave(): void {
    if (!hasChanges(changes) || invalid.length || busy) return;
    setSaved(false);
    ask('saveEmbed', { connectionId, pageId: page.id, label: page.name, changes, draftUpdatedAt: draft?.updatedAt }).then(
      () => setSaved(true),
      () => {}, // shown from the saves record (SaveStatus), which outlives this popup
    );
  }

  useSaveShortcut(onSave);

  function onRevert(): void {
    revert();
    if (save && !busy) void ask('dismissSave', save.id);
  }

  return (
    <form
      class="stack"
      aria-label={`Status embed of ${page.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <CornerPicker
        value={values.position}
        onChange={(corner) => set('position', corner)}
        note={
          unset.includes('position')
            ? `Not set on Statuspage${base.position ? ` ("${base.position}" is not a corner we know)` : ''}: showing the default.`
            : undefined
        }
        error={serverErrorFor('position')}
      />
      <div class="colours">
        {COLOUR_FIELDS.map((field) => (
          <ColourField
            key={field}
            field={field}
            label={COLOUR_LABELS[field]}
            value={values[field]}
            onChange={(value) => set(field, value)}
            note={unset.includes(field) ? 'Not set on Statuspage: showing the default.' : undefined}
            serverError={serverErrorFor(field)}
          />
        ))}
      </div>
      <ContrastNote name="Incident" text={values.incident_text_color} background={values.incident_background_color} />
      <ContrastNote name="Maintenance" text={values.maintenance_text_color} background={values.maintenance_background_color} />
      {serverMessage && !serverField && (
        <p class="error" role="alert">
          Statuspage: {serverMessage}
        </p>
      )}
      <section aria-label="Preview" class="stack">
        <AfterFirstPaint>
          <SampleSwitch value={sample} onChange={setSample} />
          <EmbedPreview kind={sample} config={previewConfig} statusPageUrl={statusPageUrl(page)} />
          <InPagePreviewControls preview={inPage} active={draft !== null} />
          <OpenBesidePage tab={tab} />
        </AfterFirstPaint>
      </section>
      <div class="sticky-actions stack">
        <SaveStatus save={save} subject={{ kind: 'page', name: page.name }} />
        {saved && !save && (
          <p class="saved" role="status">
            Saved.
          </p>
        )}
        <div class="actions">
          <button class="primary" type="submit" disabled={!hasChanges(changes) || invalid.length > 0 || busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onRevert} disabled={!draft || busy}>
            Revert
          </button>
        </div>
        {draft && !busy && <p class="hint">Unsaved changes are kept until you save or revert.</p>}
      </div>
      <section class="stack" aria-labelledby="on-your-site-title">
        <h2 id="on-your-site-title" class="section-title">
          Put it on your site
        </h2>
        <AfterFirstPaint>
          <div class="actions">
            <CopySnippetButton page={page} />
          </div>
          <CopyWidgetSnippet page={page} saved={pickPublicEmbedConfig(base)} draft={draft ? previewConfig : undefined} />
        </AfterFirstPaint>
      </section>
    </form>
  );
}
