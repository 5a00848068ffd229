import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import {
  daemons,
  dataSourceApiKeys,
  dataSources,
  invitations,
  listEntries,
  memberships,
  playbooks,
  slaPolicies,
  tenantBranding,
  tenantContacts,
  tenantOnboarding,
  tenants,
} from '../../schema/index';
import { TenantStateError } from '../tenants/tenant-errors';
import { ONBOARDING_STEP_IDS, ONBOARDING_STEPS, type OnboardingStepId } from './onboarding-steps';

export type ChecklistItem = {
  id: OnboardingStepId;
  label: string;
  required: boolean;
  /** What exists now, in words ("2 contacts, primary set"). */
  detail: string;
  /** The tenant's settings satisfy the step. */
  done: boolean;
  /** When the admin last saved (or skipped) the step in the wizard. */
  savedAt: string | null;
  skipped: boolean;
};

const n = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;

/**
 * The checklist, computed from the tenant's real settings (so work done on the settings pages
 * counts too), merged with what the wizard remembers (saved / skipped per step).
 */
export async function onboardingChecklist(tx: Tx, tenantId: string) {
  const [tenant] = await tx
    .select({ name: tenants.name, slug: tenants.slug, timezone: tenants.timezone, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new TenantStateError('no such tenant');
  const [state] = await tx.select().from(tenantOnboarding).where(eq(tenantOnboarding.tenantId, tenantId));
  const t = tenantId;
  const counts = {
    sla: await n(tx.select({ n: count() }).from(slaPolicies).where(eq(slaPolicies.tenantId, t))),
    contacts: await n(tx.select({ n: count() }).from(tenantContacts).where(eq(tenantContacts.tenantId, t))),
    primary: await n(
      tx
        .select({ n: count() })
        .from(tenantContacts)
        .where(and(eq(tenantContacts.tenantId, t), eq(tenantContacts.kind, 'primary'))),
    ),
    branding: await n(tx.select({ n: count() }).from(tenantBranding).where(eq(tenantBranding.tenantId, t))),
    lists: await n(tx.select({ n: count() }).from(listEntries).where(eq(listEntries.tenantId, t))),
    sources: await n(tx.select({ n: count() }).from(dataSources).where(eq(dataSources.tenantId, t))),
    keys: await n(
      tx
        .select({ n: count() })
        .from(dataSourceApiKeys)
        .where(and(eq(dataSourceApiKeys.tenantId, t), isNull(dataSourceApiKeys.revokedAt))),
    ),
    daemons: await n(tx.select({ n: count() }).from(daemons).where(eq(daemons.tenantId, t))),
    playbooks: await n(tx.select({ n: count() }).from(playbooks).where(eq(playbooks.tenantId, t))),
    clients: await n(
      tx
        .select({ n: count() })
        .from(memberships)
        .where(
          and(eq(memberships.tenantId, t), sql`${memberships.role} in ('client_admin', 'client_viewer')`),
        ),
    ),
    invited: await n(
      tx
        .select({ n: count() })
        .from(invitations)
        .where(
          and(eq(invitations.tenantId, t), eq(invitations.purpose, 'invite'), isNull(invitations.revokedAt)),
        ),
    ),
  };
  const facts: Record<OnboardingStepId, { done: boolean; detail: string }> = {
    company: { done: true, detail: `${tenant.name} (${tenant.slug}), ${tenant.timezone}` },
    sla: {
      done: counts.sla > 0,
      detail: counts.sla > 0 ? `${counts.sla} severities configured` : 'built-in defaults only',
    },
    contacts: {
      done: counts.primary > 0,
      detail: `${counts.contacts} contacts, ${counts.primary > 0 ? 'primary set' : 'no primary contact'}`,
    },
    branding: {
      done: counts.branding > 0,
      detail: counts.branding > 0 ? 'logo / footer saved' : 'default colours',
    },
    lists: { done: counts.lists > 0, detail: `${counts.lists} list entries` },
    data_sources: {
      done: counts.sources > 0 && counts.keys > 0,
      detail: `${counts.sources} data sources, ${counts.keys} active keys`,
    },
    daemons: { done: counts.daemons > 0, detail: `${counts.daemons} daemons` },
    playbooks: { done: counts.playbooks > 0, detail: `${counts.playbooks} playbooks` },
    users: {
      done: counts.clients + counts.invited > 0,
      detail: `${counts.clients} client users, ${counts.invited} invitations`,
    },
  };
  const items: ChecklistItem[] = ONBOARDING_STEPS.map((step) => {
    const saved = state?.steps[step.id];
    return {
      id: step.id,
      label: step.label,
      required: step.required,
      ...facts[step.id],
      savedAt: saved?.savedAt ?? null,
      skipped: saved?.skipped ?? false,
    };
  });
  const missing = items.filter((i) => i.required && !i.done).map((i) => i.id);
  return {
    tenant: { id: tenantId, ...tenant },
    items,
    missing,
    readyToGoLive: missing.length === 0,
    completedAt: state?.completedAt ?? null,
  };
}

export const SaveOnboardingStepInput = z.object({
  tenantId: z.uuid(),
  step: z.enum(ONBOARDING_STEP_IDS),
  skipped: z.boolean().default(false),
  actorUserId: z.uuid().nullable(),
});
export type SaveOnboardingStepInput = z.input<typeof SaveOnboardingStepInput>;

/** Remembers that a step was saved or skipped, so the wizard resumes at the first open step. */
export async function saveOnboardingStep(tx: Tx, input: SaveOnboardingStepInput) {
  const p = SaveOnboardingStepInput.parse(input);
  const entry = { [p.step]: { savedAt: new Date().toISOString(), skipped: p.skipped } };
  await tx
    .insert(tenantOnboarding)
    .values({ tenantId: p.tenantId, steps: entry, updatedBy: p.actorUserId })
    .onConflictDoUpdate({
      target: tenantOnboarding.tenantId,
      set: {
        steps: sql`${tenantOnboarding.steps} || ${JSON.stringify(entry)}::jsonb`,
        updatedBy: p.actorUserId,
        updatedAt: sql`now()`,
      },
    });
  return onboardingChecklist(tx, p.tenantId);
}

export const CompleteOnboardingInput = z.object({
  tenantId: z.uuid(),
  actorUserId: z.uuid().nullable(),
  ip: z.string().max(100).nullable().optional(),
});
export type CompleteOnboardingInput = z.input<typeof CompleteOnboardingInput>;

/** Marks the tenant live once every required step is done; refuses with the missing steps otherwise. */
export async function completeOnboarding(tx: Tx, input: CompleteOnboardingInput) {
  const p = CompleteOnboardingInput.parse(input);
  const list = await onboardingChecklist(tx, p.tenantId);
  if (!list.readyToGoLive) {
    throw new TenantStateError(`not ready to go live; missing: ${list.missing.join(', ')}`);
  }
  await tx
    .insert(tenantOnboarding)
    .values({ tenantId: p.tenantId, completedAt: new Date(), updatedBy: p.actorUserId })
    .onConflictDoUpdate({
      target: tenantOnboarding.tenantId,
      set: { completedAt: sql`now()`, updatedBy: p.actorUserId, updatedAt: sql`now()` },
    });
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'tenant.onboarding_completed',
    target: `tenant:${p.tenantId}`,
    after: { items: list.items.map((i) => ({ id: i.id, done: i.done })) },
    ip: p.ip ?? null,
  });
  return onboardingChecklist(tx, p.tenantId);
}
