import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { rowsOf } from '../../rows';
import { type SlaTimerKind, slaTimers } from '../../schema/index';
import { incidentTimings, type SlaOutcome } from './incident-timings';

export type IncidentKpis = {
  incidentId: string;
  createdAt: Date;
  assignedAt: Date | null;
  firstResponseAt: Date | null;
  /** First resolution; a reopen does not move it. */
  resolvedAt: Date | null;
  /** Last resolution, while the incident is resolved or closed now. */
  finalResolvedAt: Date | null;
  reopenCount: number;
  /** Seconds from creation; null until reached. */
  timeToAssign: number | null;
  timeToFirstResponse: number | null;
  timeToResolve: number | null;
  /** Seconds in waiting_on_client before the first resolution, and time to resolve without them. */
  clientWaitSeconds: number | null;
  timeToResolveNet: number | null;
  /** The incident's SLA timers (none without a policy) and their outcome for compliance. */
  sla: {
    kind: SlaTimerKind;
    outcome: SlaOutcome | null;
    targetMinutes: number;
    dueAt: Date;
    metAt: Date | null;
    breachedAt: Date | null;
    /** Time the clock stood still while the incident waited on the client. */
    pausedSeconds: number;
  }[];
};

type Raw = {
  tenant_id: string;
  incident_id: string;
  created_at: Date | string;
  assigned_at: Date | string | null;
  responded_at: Date | string | null;
  resolved_at: Date | string | null;
  final_resolved_at: Date | string | null;
  reopen_count: number;
  assign_seconds: number | null;
  response_seconds: number | null;
  resolve_seconds: number | null;
  wait_seconds: number | null;
  resolve_net_seconds: number | null;
  assign_sla: SlaOutcome | null;
  resolve_sla: SlaOutcome | null;
};

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const seconds = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** The KPI instants and durations of one incident of the scope (NotFoundError otherwise). */
export async function incidentKpis(tx: Tx, incidentId: string): Promise<IncidentKpis> {
  const id = z.uuid().parse(incidentId);
  const [r] = rowsOf<Raw>(await tx.execute(incidentTimings(sql`i.id = ${id}::uuid`)));
  if (!r) throw new NotFoundError('incident not found');
  const timers = await tx
    .select({
      kind: slaTimers.kind,
      targetMinutes: slaTimers.targetMinutes,
      dueAt: slaTimers.dueAt,
      metAt: slaTimers.metAt,
      breachedAt: slaTimers.breachedAt,
      pausedSeconds: slaTimers.pausedSeconds,
    })
    .from(slaTimers)
    .where(and(eq(slaTimers.tenantId, r.tenant_id), eq(slaTimers.incidentId, id)))
    .orderBy(slaTimers.kind);
  return {
    incidentId: r.incident_id,
    createdAt: new Date(r.created_at),
    assignedAt: date(r.assigned_at),
    firstResponseAt: date(r.responded_at),
    resolvedAt: date(r.resolved_at),
    finalResolvedAt: date(r.final_resolved_at),
    reopenCount: Number(r.reopen_count),
    timeToAssign: seconds(r.assign_seconds),
    timeToFirstResponse: seconds(r.response_seconds),
    timeToResolve: seconds(r.resolve_seconds),
    clientWaitSeconds: seconds(r.wait_seconds),
    timeToResolveNet: seconds(r.resolve_net_seconds),
    sla: timers.map((timer) => ({
      ...timer,
      outcome: timer.kind === 'assign' ? r.assign_sla : r.resolve_sla,
    })),
  };
}
