import { BlockList, isIP } from 'node:net';
import { listListEntries } from '@palisade/db/queries/enrichment/list-entries';
import type { ListKind } from '@palisade/db/schema';
import { listLookup } from '@palisade/playbook/actions/list-lookup';
import { actionImpl } from '../action-impl';

/** Playbook list names (as the shipped playbooks write them) to the tenant list kinds. */
const LIST_NAMES: Record<string, ListKind> = {
  blocklist: 'block',
  block: 'block',
  allowlist: 'allow',
  allow: 'allow',
  'asset-values': 'asset',
  assets: 'asset',
  asset: 'asset',
  vip: 'vip',
  vips: 'vip',
  alias: 'alias',
  aliases: 'alias',
};

export class UnknownListError extends Error {
  readonly code = 'UNKNOWN_LIST' as const;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function inCidr(value: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const family = isIP(value);
  if (!net || family === 0 || isIP(net) !== family) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(net, Number(bits ?? (family === 4 ? 32 : 128)), type);
  return list.check(value, type);
}

/** The tenant's list plus the MSSP-wide one it inherits; expired entries do not match. */
export const listLookupImpl = actionImpl({
  mode: 'tx',
  contract: listLookup,
  run: async (input, ctx, tx) => {
    const kind = LIST_NAMES[input.list.toLowerCase()];
    if (!kind)
      throw new UnknownListError(
        `unknown list '${input.list}' (known: ${Object.keys(LIST_NAMES).join(', ')})`,
      );
    const now = Date.now();
    const entries = (await listListEntries(tx, { tenantId: ctx.tenantId, list: kind })).filter(
      (e) => !e.expiresAt || e.expiresAt.getTime() > now,
    );
    const hits: { value: string; entry: Record<string, unknown> }[] = [];
    const misses: string[] = [];
    for (const value of input.values) {
      const entry = entries.find((e) =>
        e.matchKind === 'value'
          ? e.value.toLowerCase() === value.toLowerCase()
          : e.matchKind === 'pattern'
            ? globToRegExp(e.value).test(value)
            : inCidr(value, e.value),
      );
      if (!entry) {
        misses.push(value);
        continue;
      }
      hits.push({
        value,
        entry: {
          id: entry.id,
          scope: entry.scope,
          list: entry.list,
          matchKind: entry.matchKind,
          value: entry.value,
          artifactType: entry.artifactType ?? null,
          criticality: entry.criticality ?? null,
          reason: entry.reason ?? '',
          owner: entry.owner ?? '',
        },
      });
    }
    return { hits, misses };
  },
});
