import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@talentmap/core';
import { setAuthRefusedListener } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { AuthDialogContext, type LoginRequestOptions } from './auth-context';
import { landingPatch } from './landing';
import { LoginDialog } from './login-dialog';
import { sessionQuery } from './use-session';

export interface AuthProviderProps {
  state: AppState;
  update: UpdateState;
  children: ReactNode;
}

/**
 * The login dialog for the whole app, and the session kept honest: a call refused as
 * unauthenticated or forbidden asks the server again who is signed in (the session may have
 * expired), which turns the journey's results into its login prompt.
 */
export function AuthProvider({ state, update, children }: AuthProviderProps) {
  const client = useQueryClient();
  const [dialog, setDialog] = useState<LoginRequestOptions | null>(null);

  useEffect(() => {
    setAuthRefusedListener(() => void client.invalidateQueries({ queryKey: sessionQuery.queryKey }));
    return () => setAuthRefusedListener(null);
  }, [client]);

  const openLogin = useCallback((options: LoginRequestOptions = {}) => setDialog(options), []);
  const value = useMemo(() => ({ openLogin }), [openLogin]);
  const onSignedIn = (me: Me) => {
    const from = dialog?.journey ?? null;
    setDialog(null);
    update(landingPatch(me, state, from));
  };

  return (
    <AuthDialogContext value={value}>
      {children}
      {dialog && <LoginDialog username={dialog.username} journey={dialog.journey} onClose={() => setDialog(null)} onSignedIn={onSignedIn} />}
    </AuthDialogContext>
  );
}
