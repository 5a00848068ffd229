import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type ListKind, listEntries, msspListEntries } from '../../schema/index';

/** Tenant entries live in `list_entries`; MSSP-wide ones, inherited by every tenant, in `mssp_list_entries`. */
export type ListScope = 'tenant' | 'mssp';

export type ListEntryValues = {
  list: ListKind;
  matchKind: 'value' | 'pattern' | 'cidr';
  value: string;
  artifactType?: string | null;
  criticality?: 'low' | 'medium' | 'high' | 'critical' | null;
  reason?: string;
  owner?: string;
  source?: string;
  expiresAt?: Date | null;
};

export type StoredListEntry = ListEntryValues & {
  id: string;
  scope: ListScope;
  createdAt: Date;
  updatedAt: Date;
};

const cols = (t: typeof listEntries | typeof msspListEntries) => ({
  id: t.id,
  list: t.list,
  matchKind: t.matchKind,
  value: t.value,
  artifactType: t.artifactType,
  criticality: t.criticality,
  reason: t.reason,
  owner: t.owner,
  source: t.source,
  expiresAt: t.expiresAt,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** Entries of one list (or all), tenant's own first then the inherited MSSP ones; expired ones included. */
export async function listListEntries(
  tx: Tx,
  input: { tenantId: string; list?: ListKind; scopes?: readonly ListScope[] },
): Promise<StoredListEntry[]> {
  const scopes = input.scopes ?? ['tenant', 'mssp'];
  const own = scopes.includes('tenant')
    ? await tx
        .select(cols(listEntries))
        .from(listEntries)
        .where(
          and(
            eq(listEntries.tenantId, input.tenantId),
            input.list ? eq(listEntries.list, input.list) : undefined,
          ),
        )
        .orderBy(asc(listEntries.list), asc(listEntries.value))
    : [];
  const mssp = scopes.includes('mssp')
    ? await tx
        .select(cols(msspListEntries))
        .from(msspListEntries)
        .where(input.list ? eq(msspListEntries.list, input.list) : undefined)
        .orderBy(asc(msspListEntries.list), asc(msspListEntries.value))
    : [];
  return [
    ...own.map((e) => ({ ...e, scope: 'tenant' as const })),
    ...mssp.map((e) => ({ ...e, scope: 'mssp' as const })),
  ];
}

/** Inserts, or updates the entry with the same (list, match kind, value). Returns its id. */
export async function upsertListEntry(
  tx: Tx,
  input: { scope: ListScope; tenantId: string; entry: ListEntryValues; actorUserId: string | null },
): Promise<string> {
  const { entry } = input;
  const values = {
    list: entry.list,
    matchKind: entry.matchKind,
    value: entry.value,
    artifactType: entry.artifactType ?? null,
    criticality: entry.criticality ?? null,
    reason: entry.reason ?? '',
    owner: entry.owner ?? '',
    source: entry.source ?? 'console',
    expiresAt: entry.expiresAt ?? null,
    createdBy: input.actorUserId,
  };
  const { createdBy: _createdBy, list: _l, matchKind: _m, value: _v, ...changes } = values;
  const set = { ...changes, updatedAt: sql`now()` };
  if (input.scope === 'tenant') {
    const [row] = await tx
      .insert(listEntries)
      .values({ tenantId: input.tenantId, ...values })
      .onConflictDoUpdate({
        target: [listEntries.tenantId, listEntries.list, listEntries.matchKind, listEntries.value],
        set,
      })
      .returning({ id: listEntries.id });
    return row?.id ?? '';
  }
  const [row] = await tx
    .insert(msspListEntries)
    .values(values)
    .onConflictDoUpdate({
      target: [msspListEntries.list, msspListEntries.matchKind, msspListEntries.value],
      set,
    })
    .returning({ id: msspListEntries.id });
  return row?.id ?? '';
}

/** Deletes entries by id within one scope; returns the ids actually deleted. */
export async function deleteListEntries(
  tx: Tx,
  input: { scope: ListScope; tenantId: string; ids: readonly string[] },
): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const ids = [...input.ids];
  const gone =
    input.scope === 'tenant'
      ? await tx
          .delete(listEntries)
          .where(and(eq(listEntries.tenantId, input.tenantId), inArray(listEntries.id, ids)))
          .returning({ id: listEntries.id })
      : await tx
          .delete(msspListEntries)
          .where(inArray(msspListEntries.id, ids))
          .returning({ id: msspListEntries.id });
  return gone.map((g) => g.id);
}
