import type { DefaultSession } from 'next-auth';
import type { ActorKind } from '@/server/auth/actor-kind';

// The JWT carries only the user id (`sub`) and the kind used for routing in proxy.ts;
// role, tenant scope and `active` are resolved from the database on every request.
declare module 'next-auth' {
  interface Session {
    user: { id: string; kind: ActorKind } & DefaultSession['user'];
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    kind?: ActorKind;
  }
}
