import type { Db } from '@palisade/db/database';
import {
  artifactEnrichments,
  artifacts,
  incidentArtifacts,
  incidentComments,
  incidentEnrichments,
  incidentEvents,
  incidentReportNarratives,
  incidents,
  slaTimers,
} from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { sql } from 'drizzle-orm';

export type ReportFixture = { incidentId: string; reference: string; artifactIds: string[] };

const ROWS_PER_INSERT = 1000;

/**
 * A resolved incident with everything an incident report prints: narrative, timeline, a shared and
 * an internal note, `artifactCount` artifacts (the first two judged malicious and suspicious with
 * evidence), ATT&CK techniques and met/breached SLA timers. Written through the tenant's scope, so
 * it works as any role; used by the report tests, the benchmark and the demo.
 */
export async function seedReportFixture(
  db: Db,
  input: {
    tenantId: string;
    artifactCount: number;
    /** The user the incident is assigned to (and who works it on the timeline). */
    analystUserId: string;
    title?: string;
    createdAt?: Date;
  },
): Promise<ReportFixture> {
  const { tenantId, analystUserId } = input;
  const created = input.createdAt ?? new Date('2026-10-12T08:00:00Z');
  const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000);
  const incidentId = crypto.randomUUID();
  const number = await withTenantOn(db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ n: sql<number>`coalesce(max(${incidents.number}), 0)::int + 1` })
      .from(incidents)
      .where(sql`${incidents.tenantId} = ${tenantId}`);
    const n = row?.n ?? 1;
    await tx.insert(incidents).values({
      tenantId,
      id: incidentId,
      number: n,
      title: input.title ?? 'Credential phishing leading to VPN brute force',
      description: 'Phishing mail with a credential harvesting link, followed by VPN login attempts.',
      status: 'resolved',
      severity: 'high',
      priority: 'p2',
      ruleName: 'VPN brute force',
      sourceProduct: 'Splunk ES',
      alertCount: 3,
      tags: ['phishing', 'vpn'],
      firstAlertAt: created,
      lastAlertAt: at(40),
      createdAt: created,
      assigneeUserId: analystUserId,
      assignedAt: at(12),
      resolvedAt: at(185),
    });
    await tx.insert(incidentEvents).values([
      { tenantId, incidentId, kind: 'created', data: {}, at: created },
      {
        tenantId,
        incidentId,
        kind: 'assigned',
        actorUserId: analystUserId,
        data: { to: analystUserId },
        at: at(12),
      },
      {
        tenantId,
        incidentId,
        kind: 'status_changed',
        actorUserId: analystUserId,
        data: { from: 'new', to: 'in_progress' },
        at: at(15),
      },
      { tenantId, incidentId, kind: 'comment_added', data: {}, clientVisible: false, at: at(20) },
      {
        tenantId,
        incidentId,
        kind: 'status_changed',
        data: { from: 'in_progress', to: 'resolved' },
        at: at(185),
      },
    ]);
    await tx.insert(incidentComments).values([
      {
        tenantId,
        incidentId,
        body: 'Blocked the sender domain and reset the affected password.',
        visibility: 'shared',
        createdAt: at(60),
      },
      {
        tenantId,
        incidentId,
        body: 'INTERNAL: check the analyst rota',
        visibility: 'internal',
        createdAt: at(20),
      },
    ]);
    await tx.insert(incidentReportNarratives).values({
      tenantId,
      incidentId,
      executiveSummary:
        'A phishing email harvested one set of VPN credentials. The SOC blocked the attacker within three hours.\n\n<b>No data left the network.</b>',
      recommendations: 'Enforce phishing-resistant MFA on the VPN gateway.',
    });
    await tx.insert(incidentEnrichments).values({
      tenantId,
      incidentId,
      summary: {},
      techniques: [
        { id: 'T1566', name: 'Phishing', tactics: ['initial-access'], via: ['rule:x'] },
        { id: 'T1110', name: 'Brute Force', tactics: ['credential-access'], via: ['alert'] },
      ],
    });
    for (const [kind, metAt, breachedAt] of [
      ['assign', at(12), null],
      ['resolve', at(185), at(180)],
    ] as const) {
      await tx.insert(slaTimers).values({
        tenantId,
        incidentId,
        kind,
        state: 'met',
        severity: 'high',
        calendar: '24x7',
        targetMinutes: kind === 'assign' ? 30 : 180,
        startedAt: created,
        dueAt: at(kind === 'assign' ? 30 : 180),
        warningFractions: [0.5],
        escalation: [],
        metAt,
        breachedAt,
      });
    }
    return n;
  });
  const artifactIds: string[] = [];
  for (let start = 0; start < input.artifactCount; start += ROWS_PER_INSERT) {
    const batch = Array.from({ length: Math.min(ROWS_PER_INSERT, input.artifactCount - start) }, (_, k) => {
      const i = start + k;
      // Unique per fixture: several incidents of one tenant share the artifacts table.
      const host = i === 0 ? 'login-vpn' : `host-${i}`;
      return {
        tenantId,
        id: crypto.randomUUID(),
        type: 'domain',
        value: `${host}.${incidentId.slice(0, 8)}.example.test`,
      };
    });
    await withTenantOn(db, tenantId, async (tx) => {
      await tx.insert(artifacts).values(batch);
      await tx
        .insert(incidentArtifacts)
        .values(batch.map((a) => ({ tenantId, incidentId, artifactId: a.id })));
      await tx.insert(artifactEnrichments).values(
        batch.map((a, k) => {
          const i = start + k;
          const verdict = i === 0 ? 'malicious' : i === 1 ? 'suspicious' : 'unknown';
          return {
            tenantId,
            artifactId: a.id,
            verdict,
            score: i === 0 ? 92 : i === 1 ? 55 : 0,
            outcomes: [
              {
                provider: 'virustotal',
                cached: false,
                result: {
                  status: 'ok',
                  verdict,
                  score: i === 0 ? 92 : 0,
                  evidence: i === 0 ? [{ label: 'engines flagging', value: 14 }] : [],
                  link: null,
                },
              },
            ],
            lists: {},
          };
        }),
      );
    });
    artifactIds.push(...batch.map((a) => a.id));
  }
  return { incidentId, reference: `INC-${String(number).padStart(6, '0')}`, artifactIds };
}
