/**
 * Next calls register() once per server process before serving. Only the Node.js
 * runtime opens the database; NEXT_RUNTIME is a build-time constant Next inlines so
 * the edge bundle never sees PGlite or pg-boss (the one process.env read outside
 * env.ts, because it must stay a literal for that dead-code elimination).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startEmbedded } = await import('./server/embedded/start-embedded');
    await startEmbedded();
  }
}
