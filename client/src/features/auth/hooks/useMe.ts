import { useQuery } from '@apollo/client/react';
import { MeDocument, type SessionUserFragment } from '../../../lib/graphql/graphql';

export type SessionUser = SessionUserFragment;

/** The signed-in user, or null when anonymous. `loading` is true only until the first answer. */
export function useMe(): { me: SessionUser | null; loading: boolean } {
  const { data, loading } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  return { me: data?.me ?? null, loading: loading && !data };
}
