import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setMsspCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { type EnrichOptions, enrichArtifact } from '@palisade/worker/osint/enrich-artifact';
import type { OsintProvider } from '@palisade/worker/osint/osint-provider';
import { internetProviders } from '@palisade/worker/osint/providers';
import type { Artifact } from '@palisade/worker/osint/verdict';
import { openBenchDatabase } from '../shared/bench-database';
import { startFakeProviders } from './fake-providers';
import { prng } from './prng';

// Artifacts enriched per second against five local provider stand-ins with 80-300 ms latency,
// cache cold, warm (the same artifacts asked by another tenant) and mixed.
const ARTIFACTS = 300;
const CONCURRENCY = 16;
const LATENCY = { minMs: 80, maxMs: 300 };

const out: string[] = [];
const log = (line = '') => {
  console.log(line);
  out.push(line);
};

// Rate limits are the vendors' business; here they would only measure the bucket's refill.
const providers: OsintProvider[] = internetProviders
  .filter((p) => p.id !== 'misp')
  .map((p) => ({ ...p, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } }));

function artifacts(offset: number, n: number): Artifact[] {
  return Array.from({ length: n }, (_, i) =>
    (offset + i) % 2 === 0
      ? {
          type: 'ipv4' as const,
          value: `198.18.${Math.floor((offset + i) / 250)}.${((offset + i) % 250) + 1}`,
        }
      : { type: 'domain' as const, value: `host-${offset + i}.bench.example` },
  );
}

async function run(options: EnrichOptions, tenantId: string, list: Artifact[]) {
  let next = 0;
  let outcomes = 0;
  let hits = 0;
  let unavailable = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const artifact = list[next++];
        if (!artifact) break;
        const r = await enrichArtifact(options, { tenantId, artifact });
        for (const o of r.outcomes) {
          outcomes += 1;
          if (o.cached) hits += 1;
          if (o.result.status !== 'ok') unavailable += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: list.length / seconds, seconds, hitRatio: outcomes ? hits / outcomes : 0, unavailable };
}

const loadBefore = os.loadavg()[0] ?? 0;
const { database, drop } = await openBenchDatabase('enrich');
const fake = await startFakeProviders(LATENCY, prng(0xbe7c));
try {
  const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
  await database.db.insert(tenants).values([
    { id: a, slug: `bench-a-${a.slice(0, 6)}`, name: 'Bench A' },
    { id: b, slug: `bench-b-${b.slice(0, 6)}`, name: 'Bench B' },
  ]);
  const secretKey = randomBytes(32);
  await withTenantOn(database.db, a, async (tx) => {
    for (const p of providers)
      await setMsspCredential(tx, secretKey, { provider: p.id, secret: `bench-${p.id}`, actorUserId: null });
  });
  const options: EnrichOptions = {
    db: database.db,
    secretKey,
    providers,
    baseUrls: fake.baseUrls,
    localIntel: true,
  };

  const cold = await run(options, a, artifacts(0, ARTIFACTS));
  const warm = await run(options, b, artifacts(0, ARTIFACTS));
  const mixed = await run(options, a, artifacts(ARTIFACTS / 2, ARTIFACTS));

  log('# Enrichment benchmark');
  log();
  log(
    `${ARTIFACTS} artifacts (IPv4 and domains), ${CONCURRENCY} in flight, ${providers.length} providers on 127.0.0.1 ` +
      `with ${LATENCY.minMs}-${LATENCY.maxMs} ms latency each, plus the local threat-intel provider; real PostgreSQL 15, ` +
      '2 shared cores. Each artifact asks every provider that handles its type (IPs: 5 + local, domains: 3 + local).',
  );
  log();
  log('| run | artifacts/s | seconds | cache hit ratio | unavailable outcomes |');
  log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of [
    ['cold (tenant A, empty cache)', cold],
    ['warm (tenant B, same artifacts)', warm],
    ['mixed (tenant A, half new)', mixed],
  ] as const) {
    log(
      `| ${name} | ${r.perSecond.toFixed(1)} | ${r.seconds.toFixed(2)} | ${(r.hitRatio * 100).toFixed(1)}% | ${r.unavailable} |`,
    );
  }
  log();
  log(`Provider requests served by the stand-ins: ${fake.requests()}.`);
  log(
    `Load average (1 min) at start: ${loadBefore.toFixed(1)}, at end: ${(os.loadavg()[0] ?? 0).toFixed(1)} ` +
      '(other work on the 2 cores slows the cold run, which is bound by PostgreSQL round trips and the event loop).',
  );
  log(
    'The hit ratio counts provider outcomes answered from the shared cache; the local provider is never cached ' +
      '(tenant data), so a fully warm run stays below 100%.',
  );
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/enrich.md', import.meta.url), `${out.join('\n')}\n`);
} finally {
  await fake.close();
  await drop();
}
