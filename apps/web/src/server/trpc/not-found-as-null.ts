import { TRPCError } from '@trpc/server';

/** For pages: a NOT_FOUND from a procedure becomes null (render notFound()), anything else propagates. */
export async function notFoundAsNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
