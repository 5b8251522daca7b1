import { createContext, useContext } from 'react';
import type { Journey } from '../../lib/url-state';

export interface LoginRequestOptions {
  /** a username to fill in (a demo account picked from the banner) */
  username?: string;
  /** the journey whose login prompt asked: signing in stays there when the account may use it */
  journey?: Journey;
}

export interface AuthDialog {
  openLogin: (options?: LoginRequestOptions) => void;
}

export const AuthDialogContext = createContext<AuthDialog>({ openLogin: () => {} });

/** Opens the login dialog (from the header, a journey's prompt or the demo banner). */
export const useLoginDialog = () => useContext(AuthDialogContext).openLogin;
