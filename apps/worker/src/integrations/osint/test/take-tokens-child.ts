// A second worker process for the rate-limit test: takes tokens from the shared bucket and calls the
// provider stand-in once per granted token, then prints what it did.
import { openPostgres } from '@palisade/db/database';
import { takeRateToken } from '@palisade/db/queries/enrichment/take-rate-token';
import { z } from 'zod';

const Args = z.object({
  url: z.url(),
  provider: z.string(),
  capacity: z.coerce.number(),
  refillPerSecond: z.coerce.number(),
  attempts: z.coerce.number().int(),
  target: z.url(),
});
const [url, provider, capacity, refillPerSecond, attempts, target] = process.argv.slice(2);
const args = Args.parse({ url, provider, capacity, refillPerSecond, attempts, target });

const database = openPostgres({ url: args.url, max: 4 });
try {
  const results = await Promise.all(
    Array.from({ length: args.attempts }, async () => {
      const taken = await takeRateToken(database.db, args);
      if (!taken.granted) return false;
      await fetch(args.target);
      return true;
    }),
  );
  process.stdout.write(`${JSON.stringify({ granted: results.filter(Boolean).length })}\n`);
} finally {
  await database.close();
}
