import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface PopupServices {
  /** A call failed with 401: the popup asks for a new key (drafts stay). */
  keyRefused(message: string): void;
  /** The API the current connection talks to, so that "could not reach" can name it. */
  apiBaseUrl?: string;
}

export const PopupServicesContext = createContext<PopupServices>({ keyRefused: () => {} });

export function usePopupServices(): PopupServices {
  return useContext(PopupServicesContext);
}
