import { useState } from 'preact/hooks';
import { activeConnection, connectionsItem } from '../connection/connections-item';
import type { PopupTab, UrlContext } from '../context/manage-url';
import { PopupServicesContext } from '../ui/popup-context';
import { lazyComponent } from '../ui/lazy-component';
import { useStored } from '../ui/use-stored';
import { ConnectedTabs } from './ConnectedTabs';
import { KeyboardHelp } from './KeyboardHelp';

export interface AppProps {
  /** Where to start: what the tab's URL names, else the last used context. */
  start: UrlContext & { tab: PopupTab };
  /** What the URL itself named (for "this page is not one of yours" notices). */
  fromUrl?: UrlContext;
  /** What start-up did about the tab's organization: switched to the connection that has it, or found none. */
  urlConnection?: { switchedTo: string } | { noneFor: string };
}

type Panel = 'tabs' | 'connections' | 'add' | 'edit';

// Shown on a first run, or when asked for: their code comes apart from the popup's bundle.
const ConnectionsPanel = lazyComponent(() => import('../connection/ConnectionsPanel').then((module) => module.ConnectionsPanel));
const SetupForm = lazyComponent(() => import('../connection/SetupForm').then((module) => module.SetupForm));

export function App({ start, fromUrl, urlConnection }: AppProps) {
  const connections = useStored(connectionsItem);
  const [keyProblem, setKeyProblem] = useState<string>();
  const [panel, setPanel] = useState<Panel>('tabs');
  const active = connections.value ? activeConnection(connections.value) : undefined;
  const services = { keyRefused: (message: string) => setKeyProblem(message), apiBaseUrl: active?.apiBaseUrl };
  if (!connections.loaded) return null;

  const bar = (
    <>
      <h1>Statuspage</h1>
      {active && (
        <>
          <span class="org" title={`Organization ${active.organizationId}`}>
            {active.label}
          </span>
          <button
            type="button"
            class="link"
            aria-expanded={panel === 'connections'}
            onClick={() => setPanel(panel === 'connections' ? 'tabs' : 'connections')}
          >
            {panel === 'connections' ? 'Close' : 'Connections'}
          </button>
        </>
      )}
    </>
  );
  const notice = urlConnection && (
    <p class="notice warn" role="status">
      {'switchedTo' in urlConnection
        ? `Switched to ${urlConnection.switchedTo}: this tab belongs to its organization.`
        : `None of your connections has ${urlConnection.noneFor}: add one under Connections.`}
    </p>
  );
  const done = () => {
    setKeyProblem(undefined);
    setPanel('tabs');
  };

  if (active && !keyProblem && panel === 'tabs') {
    return (
      <PopupServicesContext.Provider value={services}>
        <ConnectedTabs key={active.id} connection={active} start={start} fromUrl={fromUrl} bar={bar} notice={notice} footer={<KeyboardHelp />} />
      </PopupServicesContext.Provider>
    );
  }
  return (
    <PopupServicesContext.Provider value={services}>
      <header class="bar">{bar}</header>
      <main>
        {panel === 'connections' && active && !keyProblem ? (
          <ConnectionsPanel connections={connections.value} onAdd={() => setPanel('add')} onChangeKey={() => setPanel('edit')} onDone={done} />
        ) : (
          <SetupForm
            connection={panel === 'add' || !active ? null : active}
            reason={keyProblem}
            onDone={done}
            onCancel={active && panel !== 'tabs' ? () => setPanel(panel === 'add' ? 'connections' : 'tabs') : undefined}
          />
        )}
        <KeyboardHelp />
      </main>
    </PopupServicesContext.Provider>
  );
}
