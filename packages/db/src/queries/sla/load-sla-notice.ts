import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../database';
import { incidents, type SlaTimer, slaTimerFirings, slaTimers, tenants } from '../../schema/index';
import { incidentReference } from '../incidents/incident-reference';
import type { SlaEvent } from './timer-schedule';

export type SlaNoticeIncident = {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  assigneeUserId: string | null;
  tenantName: string;
};

export type SlaNotice = { timer: SlaTimer; incident: SlaNoticeIncident; events: SlaEvent[] };

/** `warning:0.75`, `breach`, `escalation:2` + the recorded firing → the event as it fired. */
function eventOf(key: string, at: Date, timer: SlaTimer): SlaEvent | null {
  const [kind, arg] = key.split(':');
  if (kind === 'breach') return { kind: 'breach', key: 'breach', at };
  if (kind === 'warning' && arg) return { kind: 'warning', key, at, fraction: Number(arg) };
  const step = Number(arg);
  const configured = timer.escalation[step - 1];
  if (kind === 'escalation' && configured)
    return { kind: 'escalation', key, at, step, notify: configured.notify };
  return null;
}

/**
 * What the notices of one firing need: the timer, its incident (number, tenant name) and the fired
 * events in due order, read back from `sla_timer_firings` (only events that really fired). Null when
 * the timer or incident is gone.
 */
export async function loadSlaNotice(
  tx: Tx,
  input: { tenantId: string; timerId: string; round: number; events: readonly string[] },
): Promise<SlaNotice | null> {
  const [timer] = await tx
    .select()
    .from(slaTimers)
    .where(and(eq(slaTimers.tenantId, input.tenantId), eq(slaTimers.id, input.timerId)));
  if (!timer) return null;
  const [incident] = await tx
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      status: incidents.status,
      assigneeUserId: incidents.assigneeUserId,
      tenantName: tenants.name,
    })
    .from(incidents)
    .innerJoin(tenants, eq(tenants.id, incidents.tenantId))
    .where(and(eq(incidents.tenantId, input.tenantId), eq(incidents.id, timer.incidentId)));
  if (!incident) return null;
  const fired = await tx
    .select({ event: slaTimerFirings.event, dueAt: slaTimerFirings.dueAt })
    .from(slaTimerFirings)
    .where(
      and(
        eq(slaTimerFirings.tenantId, input.tenantId),
        eq(slaTimerFirings.timerId, input.timerId),
        eq(slaTimerFirings.round, input.round),
        inArray(slaTimerFirings.event, [...input.events]),
      ),
    );
  const byKey = new Map(fired.map((f) => [f.event, f.dueAt]));
  const events = input.events.flatMap((key) => {
    const at = byKey.get(key);
    const event = at ? eventOf(key, at, timer) : null;
    return event ? [event] : [];
  });
  return { timer, incident: { ...incident, reference: incidentReference(incident.number) }, events };
}
