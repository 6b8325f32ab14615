import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
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
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: env.graphqlUrl }),
    cache: createCache(),
  });
}
