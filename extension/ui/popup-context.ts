import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface PopupServices {
  /** A call failed with 401: the popup asks for a new key (drafts stay). */
  keyRefused(message: string): void;
}

export const PopupServicesContext = createContext<PopupServices>({ keyRefused: () => {} });

export function usePopupServices(): PopupServices {
  return useContext(PopupServicesContext);
}
