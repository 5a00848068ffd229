import { z } from 'zod';

/** Staff work in /console, client users in /portal. */
export const ActorKind = z.enum(['staff', 'client']);
export type ActorKind = z.infer<typeof ActorKind>;
