import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The connection (organization) the popup is on: every cache, draft and save a component reads is that connection's. */
export const ConnectionIdContext = createContext<string | undefined>(undefined);

export function useConnectionId(): string {
  const connectionId = useContext(ConnectionIdContext);
  if (!connectionId) throw new Error('useConnectionId() outside a connection: render the component inside ConnectionIdContext');
  return connectionId;
}
