import { IocType } from '@palisade/ioc/ioc';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

export const ListKind = z.enum(['allow', 'block', 'asset', 'vip', 'alias']);
export type ListKind = z.infer<typeof ListKind>;
export const MatchKind = z.enum(['value', 'pattern', 'cidr']);
export type MatchKind = z.infer<typeof MatchKind>;
export const Criticality = z.enum(['low', 'medium', 'high', 'critical']);
export type Criticality = z.infer<typeof Criticality>;

/** One entry as a form, a CSV row or a playbook writes it; validated before it reaches the database. */
export const ListEntryInput = z
  .object({
    list: ListKind,
    matchKind: MatchKind.default('value'),
    value: z.string().trim().min(1).max(2048),
    artifactType: IocType.nullable().default(null),
    criticality: Criticality.nullable().default(null),
    reason: z.string().trim().max(500).default(''),
    owner: z.string().trim().max(200).default(''),
    expiresAt: z.coerce.date().nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if (e.matchKind === 'cidr' && !ipaddr.isValidCIDR(e.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `not a CIDR network: ${e.value.slice(0, 60)}`,
      });
    }
    if (e.matchKind === 'pattern' && /^[*?]+$/.test(e.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'a pattern of wildcards only would match everything',
      });
    }
    if (e.criticality !== null && e.list !== 'asset') {
      ctx.addIssue({ code: 'custom', path: ['criticality'], message: 'criticality applies to assets only' });
    }
    if (e.list === 'asset' && e.criticality === null) {
      ctx.addIssue({ code: 'custom', path: ['criticality'], message: 'an asset needs a criticality' });
    }
  });
export type ListEntryInput = z.output<typeof ListEntryInput>;

/** What matching needs of a stored entry (tenant's own or inherited from the MSSP). */
export type MatchableEntry = ListEntryInput & { id: string; scope: 'tenant' | 'mssp'; source: string };
