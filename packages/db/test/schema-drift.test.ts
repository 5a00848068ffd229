import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../src/migrate';
import * as schema from '../src/schema/index';

// A schema edit without `pnpm db:generate` would ship tables the migrations never create.
describe('checked-in migrations', () => {
  it('match the drizzle schema (pnpm db:generate has nothing to add)', async () => {
    const meta = path.join(migrationsFolder(), 'meta');
    const journal = JSON.parse(readFileSync(path.join(meta, '_journal.json'), 'utf8')) as {
      entries: { idx: number }[];
    };
    const last = journal.entries.at(-1)?.idx ?? 0;
    const snapshot = JSON.parse(
      readFileSync(path.join(meta, `${String(last).padStart(4, '0')}_snapshot.json`), 'utf8'),
    ) as Parameters<typeof generateMigration>[0];
    const current = generateDrizzleJson(schema, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
