import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '@/server/trpc/context';
import { createCaller } from '@/server/trpc/root';

/** Server components call procedures directly, with the same context (and checks) as HTTP. */
export const serverCaller = cache(async () =>
  createCaller(await createContext({ headers: await headers() })),
);
