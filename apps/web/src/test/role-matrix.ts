import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import type { IncidentFixtures } from './incident-fixtures';
import type { Caller } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

/**
 * Who may call each tRPC procedure on tenant A's data. The role-matrix test calls every procedure as
 * every role and compares; docs/roles.md is rendered from this table (`renderRolesTable`).
 */
export const ROLES = [
  'mssp_admin',
  'analyst_assigned',
  'analyst_unassigned',
  'client_admin',
  'client_viewer',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export const ROLE_HEADERS: Record<MatrixRole, string> = {
  mssp_admin: 'MSSP admin',
  analyst_assigned: 'Analyst (assigned)',
  analyst_unassigned: 'Analyst (not assigned)',
  client_admin: 'Client admin',
  client_viewer: 'Client viewer',
};

type Inputs = inferRouterInputs<AppRouter>;
export type ProcedurePath = {
  [R in keyof Inputs]: `${R & string}.${keyof Inputs[R] & string}`;
}[keyof Inputs];

export type MatrixContext = { fx: Fixtures; ix: IncidentFixtures };

export type MatrixRow = {
  allow: readonly MatrixRole[];
  /** A call on tenant A; omitted: the procedure's `call` from its isolation cases. */
  call?: (c: Caller, m: MatrixContext) => Promise<unknown>;
};

const ADMIN = ['mssp_admin'] as const;
const STAFF_A = ['mssp_admin', 'analyst_assigned'] as const;
/** Staff-wide procedures without a tenant: every staff member, limited to its own scope. */
const STAFF_ANY = ['mssp_admin', 'analyst_assigned', 'analyst_unassigned'] as const;
const CLIENTS = ['client_admin', 'client_viewer'] as const;
/** Tenant procedures open to everyone in tenant A's scope. */
const IN_A = ['mssp_admin', 'analyst_assigned', 'client_admin', 'client_viewer'] as const;
const EVERYONE = ROLES;
const USER_MANAGERS = ['mssp_admin', 'client_admin'] as const;

export const ROLE_MATRIX: Record<ProcedurePath, MatrixRow> = {
  'me.get': { allow: EVERYONE, call: (c) => c.me.get() },
  'tenant.list': { allow: STAFF_ANY, call: (c) => c.tenant.list() },
  'tenant.get': { allow: IN_A, call: (c, { fx }) => c.tenant.get({ tenantId: fx.a.id }) },
  'tenant.create': { allow: ADMIN },
  'tenant.update': { allow: ADMIN },
  'audit.list': { allow: IN_A, call: (c, { fx }) => c.audit.list({ tenantId: fx.a.id }) },
  'audit.search': { allow: IN_A },
  'users.list': { allow: ['mssp_admin', 'analyst_assigned', 'client_admin'] },
  'users.invite': { allow: USER_MANAGERS },
  'users.revokeInvitation': { allow: USER_MANAGERS },
  'users.setActive': { allow: USER_MANAGERS },
  'users.setRole': { allow: USER_MANAGERS },
  'users.resetPassword': { allow: USER_MANAGERS },
  'users.assignAnalyst': { allow: ADMIN },
  'users.unassignAnalyst': {
    allow: ADMIN,
    // A staff user who is not an analyst of A: refused as BAD_REQUEST when allowed, so nothing changes.
    call: (c, { fx }) => c.users.unassignAnalyst({ tenantId: fx.a.id, userId: fx.admin.id }),
  },
  'users.totpStatus': { allow: STAFF_ANY },
  'users.totpBegin': { allow: STAFF_ANY },
  'users.totpConfirm': { allow: STAFF_ANY },
  'users.totpDisable': { allow: STAFF_ANY },
  'onboarding.checklist': { allow: ADMIN },
  'onboarding.saveStep': { allow: ADMIN },
  'onboarding.complete': { allow: ADMIN },
  'onboarding.testSample': { allow: ADMIN },
  'onboarding.installPlaybooks': { allow: ADMIN },
  'offboarding.setStatus': { allow: ADMIN },
  'offboarding.preview': { allow: ADMIN },
  'offboarding.delete': { allow: ADMIN },
  'dataSource.list': { allow: STAFF_ANY, call: (c) => c.dataSource.list({}) },
  'dataSource.create': {
    allow: ADMIN,
    call: (c, { fx }) =>
      c.dataSource.create({ tenantId: fx.a.id, name: `matrix-${crypto.randomUUID().slice(0, 8)}` }),
  },
  'dataSource.createKey': {
    allow: ADMIN,
    call: (c, { fx, ix }) => c.dataSource.createKey({ tenantId: fx.a.id, dataSourceId: ix.a.dataSourceId }),
  },
  'dataSource.revoke': {
    allow: ADMIN,
    call: (c, { fx }) => c.dataSource.revoke({ tenantId: fx.a.id, keyId: crypto.randomUUID() }),
  },
  'dataSource.setCloseAlert': {
    allow: ADMIN,
    call: (c, { fx, ix }) =>
      c.dataSource.setCloseAlert({ tenantId: fx.a.id, dataSourceId: ix.a.dataSourceId, closeAlert: null }),
  },
  'incident.list': { allow: STAFF_ANY, call: (c) => c.incident.list({}) },
  'incident.get': {
    allow: STAFF_A,
    call: (c, { fx, ix }) => c.incident.get({ tenantId: fx.a.id, incidentId: ix.a.incidentId }),
  },
  'incident.assign': {
    allow: STAFF_A,
    call: (c, { fx, ix }) =>
      c.incident.assign({ tenantId: fx.a.id, incidentId: ix.a.incidentId, assigneeUserId: null }),
  },
  'incident.setStatus': {
    allow: STAFF_A,
    call: (c, { fx, ix }) =>
      c.incident.setStatus({ tenantId: fx.a.id, incidentId: ix.a.relatedIncidentId, status: 'in_progress' }),
  },
  'incident.setSeverity': {
    allow: STAFF_A,
    call: (c, { fx, ix }) =>
      c.incident.setSeverity({ tenantId: fx.a.id, incidentId: ix.a.incidentId, severity: 'high' }),
  },
  'incident.addTag': {
    allow: STAFF_A,
    call: (c, { fx, ix }) =>
      c.incident.addTag({ tenantId: fx.a.id, incidentId: ix.a.incidentId, tag: 'matrix' }),
  },
  'incident.comment': {
    allow: STAFF_A,
    call: (c, { fx, ix }) =>
      c.incident.comment({
        tenantId: fx.a.id,
        incidentId: ix.a.incidentId,
        body: 'matrix',
        visibility: 'internal',
      }),
  },
  'incident.portalList': { allow: CLIENTS, call: (c) => c.incident.portalList({}) },
  'incident.portalGet': {
    allow: CLIENTS,
    call: (c, { ix }) => c.incident.portalGet({ incidentId: ix.a.incidentId }),
  },
  'campaign.list': { allow: STAFF_ANY, call: (c) => c.campaign.list({}) },
  'lists.list': { allow: STAFF_A },
  'lists.upsert': { allow: STAFF_A },
  'lists.remove': { allow: STAFF_A },
  'lists.importPreview': { allow: STAFF_A },
  'lists.importCommit': { allow: STAFF_A },
  'lists.export': { allow: STAFF_A },
  'integrations.list': { allow: STAFF_A },
  'integrations.setCredential': { allow: ADMIN },
  'integrations.clearCredential': { allow: ADMIN },
  'integrations.testConnection': { allow: STAFF_A },
  'enrichment.incident': { allow: STAFF_A },
  'attackRules.list': { allow: STAFF_A },
  'attackRules.create': { allow: STAFF_A },
  'attackRules.remove': { allow: STAFF_A },
  'playbook.list': { allow: STAFF_A },
  'playbook.get': { allow: STAFF_A },
  'playbook.versions': { allow: STAFF_A },
  'playbook.diff': { allow: STAFF_A },
  'playbook.validate': { allow: STAFF_A },
  'playbook.save': { allow: STAFF_A },
  'playbook.rollback': { allow: STAFF_A },
  'playbook.runs': { allow: STAFF_A },
  'playbook.run': { allow: STAFF_A },
  'playbook.start': { allow: STAFF_A },
  'playbook.dryRun': { allow: STAFF_A },
  'playbook.cancel': { allow: STAFF_A },
  'playbook.rerunStep': { allow: STAFF_A },
  'playbook.decide': { allow: STAFF_A },
  'playbookTemplate.upgrade': { allow: STAFF_A },
  'playbookTemplate.applyUpgrade': { allow: ADMIN },
  'notifications.list': { allow: STAFF_ANY },
  'notifications.get': { allow: STAFF_A },
  'notifications.retry': { allow: STAFF_A },
  'contacts.list': { allow: STAFF_A },
  'contacts.save': { allow: STAFF_A },
  'contacts.remove': { allow: STAFF_A },
  'contacts.saveMssp': { allow: ADMIN },
  'contacts.removeMssp': { allow: ADMIN },
  'contacts.saveTier1Rule': {
    allow: STAFF_A,
    call: (c, { fx }) =>
      c.contacts.saveTier1Rule({
        tenantId: fx.a.id,
        rule: { enabled: true, severities: ['critical'], artifactTypes: [] },
      }),
  },
  'grouping.get': { allow: STAFF_A },
  'grouping.preview': { allow: STAFF_A },
  'grouping.save': { allow: ADMIN },
  'kpis.query': { allow: STAFF_ANY },
  'kpis.exportCsv': { allow: STAFF_ANY },
  'kpis.portal': { allow: CLIENTS },
  'overview.consoleSummary': { allow: STAFF_ANY },
  'overview.portalSummary': { allow: CLIENTS },
  'sla.settings': { allow: STAFF_A },
  'sla.savePolicy': { allow: ADMIN },
  'sla.saveBusinessHours': { allow: ADMIN },
  'sla.addHoliday': { allow: ADMIN },
  'sla.removeHoliday': { allow: ADMIN },
  'sla.status': { allow: IN_A },
  'sla.clocks': { allow: EVERYONE },
  'reports.list': { allow: IN_A, call: (c, { fx }) => c.reports.list({ tenantId: fx.a.id }) },
  'reports.get': {
    allow: IN_A,
    call: (c, { fx }) => c.reports.get({ tenantId: fx.a.id, reportId: crypto.randomUUID() }),
  },
  'reports.generateIncident': {
    allow: STAFF_A,
    call: (c, { fx }) => c.reports.generateIncident({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
  },
  'reports.generatePeriodic': {
    allow: STAFF_A,
    // Days in the wrong order: BAD_REQUEST once allowed, so nothing is queued.
    call: (c, { fx }) =>
      c.reports.generatePeriodic({ tenantId: fx.a.id, fromDay: '2026-10-31', toDay: '2026-10-01' }),
  },
  'reports.narrative': {
    allow: STAFF_A,
    call: (c, { fx }) => c.reports.narrative({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
  },
  'reports.saveNarrative': {
    allow: STAFF_A,
    call: (c, { fx }) =>
      c.reports.saveNarrative({
        tenantId: fx.a.id,
        incidentId: crypto.randomUUID(),
        executiveSummary: '',
        recommendations: '',
      }),
  },
  'reports.schedules': { allow: STAFF_A, call: (c, { fx }) => c.reports.schedules({ tenantId: fx.a.id }) },
  'reports.setSchedule': {
    allow: ADMIN,
    call: (c, { fx }) =>
      c.reports.setSchedule({
        tenantId: fx.a.id,
        frequency: 'weekly',
        enabled: false,
        emailRecipients: false,
      }),
  },
  'branding.get': { allow: IN_A, call: (c, { fx }) => c.branding.get({ tenantId: fx.a.id }) },
  'branding.update': {
    allow: ADMIN,
    // Not an image: BAD_REQUEST once allowed, so nothing changes.
    call: (c, { fx }) =>
      c.branding.update({
        tenantId: fx.a.id,
        companyName: 'Matrix',
        primaryColor: '#000000',
        accentColor: '#ffffff',
        legalFooter: '',
        logo: 'AAAA',
      }),
  },
  'branding.updateMssp': {
    allow: ADMIN,
    call: (c) => c.branding.updateMssp({ msspName: 'Matrix', logo: 'AAAA' }),
  }, // Daemons: staff read and run; MSSP admins edit and steer. Unknown ids are NOT_FOUND once allowed.
  'daemons.list': { allow: STAFF_ANY, call: (c) => c.daemons.list({}) },
  'daemons.get': {
    allow: STAFF_A,
    call: (c, { fx }) => c.daemons.get({ tenantId: fx.a.id, daemonId: crypto.randomUUID() }),
  },
  'daemons.templates': { allow: STAFF_ANY, call: (c) => c.daemons.templates() },
  'daemons.validate': { allow: STAFF_ANY, call: (c) => c.daemons.validate({ yaml: 'name: x' }) },
  'daemons.preview': { allow: STAFF_ANY, call: (c) => c.daemons.preview({ yaml: 'name: x', sample: '{}' }) },
  'daemons.save': {
    allow: ADMIN,
    call: (c, { fx }) => c.daemons.save({ tenantId: fx.a.id, yaml: 'name: [' }),
  },
  'daemons.setEnabled': {
    allow: ADMIN,
    call: (c, { fx }) =>
      c.daemons.setEnabled({ tenantId: fx.a.id, daemonId: crypto.randomUUID(), enabled: false }),
  },
  'daemons.runNow': {
    allow: STAFF_A,
    call: (c, { fx }) => c.daemons.runNow({ tenantId: fx.a.id, daemonId: crypto.randomUUID() }),
  },
  'daemons.reschedule': {
    allow: ADMIN,
    call: (c, { fx }) =>
      c.daemons.reschedule({ tenantId: fx.a.id, daemonId: crypto.randomUUID(), at: new Date() }),
  },
  'daemons.resetCursor': {
    allow: ADMIN,
    call: (c, { fx }) => c.daemons.resetCursor({ tenantId: fx.a.id, daemonId: crypto.randomUUID() }),
  },
  'daemons.rewindCursor': {
    allow: ADMIN,
    call: (c, { fx }) =>
      c.daemons.rewindCursor({ tenantId: fx.a.id, daemonId: crypto.randomUUID(), value: null }),
  },
  'daemons.output': {
    allow: STAFF_A,
    call: (c, { fx }) => c.daemons.output({ tenantId: fx.a.id, outputId: crypto.randomUUID() }),
  },
};

/** The Markdown table of docs/roles.md, one row per procedure, in path order. */
export function renderRolesTable(matrix: Record<string, MatrixRow>): string {
  const header = `| Procedure | ${ROLES.map((r) => ROLE_HEADERS[r]).join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = Object.entries(matrix)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([path, row]) =>
        `| \`${path}\` | ${ROLES.map((r) => (row.allow.includes(r) ? '✓' : '—')).join(' | ')} |`,
    );
  return [header, rule, ...rows].join('\n');
}
