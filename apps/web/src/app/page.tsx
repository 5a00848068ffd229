import { redirect } from 'next/navigation';
import { serverCaller } from '@/trpc/server';

/** proxy.ts normally redirects `/` by the session's kind; this covers a stale or missing session. */
export default async function Home() {
  const me = await (await serverCaller()).me.get().catch(() => null);
  redirect(me?.kind === 'staff' ? '/console' : me?.kind === 'client' ? '/portal' : '/sign-in');
}
