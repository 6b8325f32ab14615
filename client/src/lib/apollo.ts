import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { env } from '../config/env';

interface Paged {
  nodes: readonly unknown[];
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // A unit's figures depend on the analysis (field, filters, hypothetical provider): never shared between results.
      CoverageUnit: { keyFields: false },
      Query: {
        fields: {
          organisations: {
            // One list per filter, order and page size; `after` pages are appended ("load more").
            keyArgs: ['filter', 'orderBy', 'first'],
            // Different queries ask for different parts of the same connection (facets, counts, nodes), so
            // a first page is merged field by field rather than replacing what another query stored.
            merge(existing: Paged | undefined, incoming: Paged, { args }) {
              if (!existing) return incoming;
              if (!args?.after || !incoming.nodes || !existing.nodes) return { ...existing, ...incoming };
              return { ...existing, ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
        },
      },
      OrganisationConnection: { keyFields: false },
      OrganisationFacets: { merge: true },
      OrganisationMarkers: { keyFields: false },
      // Thousands of markers: stored inline, not normalised one by one.
      OrganisationMarker: { keyFields: false },
      FieldOfAction: { keyFields: ['code'] },
      TargetGroup: { keyFields: ['code'] },
      // Results and values without an identity of their own: stored inline with their parent.
      EditResult: { keyFields: false },
      FieldChange: { keyFields: false },
      InvitationPreview: { keyFields: false },
      // Frozen copies inside evaluation snapshots: one id means different content in different snapshots.
      SnapshotGoal: { keyFields: false },
      SnapshotOrganisation: { keyFields: false },
      SnapshotService: { keyFields: false },
      SnapshotNetworkNode: { keyFields: false },
      SnapshotNetworkEdge: { keyFields: false },
      ComparedOrganisation: { keyFields: false },
      ComparedService: { keyFields: false },
      NamedRef: { keyFields: false },
      RelationshipChange: { keyFields: false },
      PeriodOrganisation: { keyFields: false },
    },
  });
}

/** Name of the cookie the server sets next to the httpOnly session cookie; readable by scripts on purpose. */
export const CSRF_COOKIE = 'pa_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Value of one cookie in a `document.cookie` string; null when it is not set. */
export function readCookie(name: string, cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/**
 * Sends the CSRF token (double-submit cookie) with every request. The cookie is read when the request
 * is made, not when the client is created: signing in or out replaces it.
 */
export function createCsrfLink(readCookies: () => string = () => (typeof document === 'undefined' ? '' : document.cookie)): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const token = readCookie(CSRF_COOKIE, readCookies());
    if (token) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, [CSRF_HEADER]: token } }));
    }
    return forward(operation);
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Same origin: the server serves this client, and the session cookie goes with every request.
    link: ApolloLink.from([createCsrfLink(), new HttpLink({ uri: env.graphqlUrl, credentials: 'same-origin' })]),
    cache: createCache(),
  });
}
