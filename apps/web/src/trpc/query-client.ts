import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';

/**
 * One factory for the browser and for server prefetching. superjson matches the
 * server's transformer (src/server/trpc/init.ts), so Dates survive dehydration; pending
 * queries are dehydrated too, so a server prefetch can stream into the client cache.
 */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // Above zero so data rendered on the server is not refetched at once on mount.
      queries: { staleTime: 30_000 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
