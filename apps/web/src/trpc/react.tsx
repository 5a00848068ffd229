'use client';

import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchStreamLink, loggerLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/trpc/root';
import { createQueryClient } from './query-client';

export const { useTRPC, TRPCProvider } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

/** The server renders each request with a fresh client; the browser keeps one for the page's life. */
function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

/**
 * Browser-side tRPC over react-query (create-t3-turbo's shape). Requests go to the
 * same origin (CSP connect-src 'self'), carry the session cookie, and no inline script
 * or style is added, so the nonce-based CSP needs no change.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Failed calls only: the browser console is not a request log.
        loggerLink({ enabled: (op) => op.direction === 'down' && op.result instanceof Error }),
        httpBatchStreamLink({
          transformer: superjson,
          url: '/api/trpc',
          headers: () => ({ 'x-trpc-source': 'nextjs-react' }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
