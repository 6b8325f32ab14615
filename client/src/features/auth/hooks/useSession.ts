import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { AcceptInvitationDocument, LoginDocument, LogoutDocument } from '../../../lib/graphql/graphql';

/**
 * Signing in and out. Afterwards the whole Apollo store is reset: what a visitor may see depends on who
 * they are (drafts, contact persons, pending counts), so no answer of the previous identity survives.
 */
export function useSessionActions() {
  const client = useApolloClient();
  const [loginMutation] = useMutation(LoginDocument);
  const [logoutMutation] = useMutation(LogoutDocument);
  const [acceptMutation] = useMutation(AcceptInvitationDocument);

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await loginMutation({ variables: { email, password } });
      // A query of the page that fails for the new identity must not turn a successful sign-in into an error.
      await client.resetStore().catch(() => undefined);
      return result.data?.login ?? null;
    },
    [client, loginMutation],
  );

  /** Accepts and signs in; leaves the invitation page through `afterAccept` first (its preview is used up now). */
  const acceptInvitation = useCallback(
    async (token: string, password: string, displayName: string | null, afterAccept: () => Promise<void> | void) => {
      const result = await acceptMutation({ variables: { token, password, displayName } });
      await afterAccept();
      await client.resetStore().catch(() => undefined);
      return result.data?.acceptInvitation ?? null;
    },
    [client, acceptMutation],
  );

  /** Signs out, then leaves the page through `afterLogout` before the store is reset (protected pages refetch nothing). */
  const logout = useCallback(
    async (afterLogout: () => Promise<void> | void) => {
      try {
        await logoutMutation();
      } finally {
        await afterLogout();
        await client.resetStore().catch(() => undefined);
      }
    },
    [client, logoutMutation],
  );

  return { login, logout, acceptInvitation };
}
