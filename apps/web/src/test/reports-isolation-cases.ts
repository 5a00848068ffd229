import { getDatabase } from '@palisade/db/client';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import { type ReportFixtures, seedReportFixtures } from './report-fixtures';
import type { Fixtures } from './trpc-fixtures';

// The reports.* and branding.* rows of the isolation suite. Fixtures go through withTenant without
// audit entries; writes that audit happen in positive controls (which run after audit.list's) and
// mostly in tenant C.

let seeded: Promise<ReportFixtures> | undefined;
const rx = (fx: Fixtures) => {
  seeded ??= (async () => seedReportFixtures(fx, await getDatabase()))();
  return seeded;
};

const BAD_REQUEST = { code: 'BAD_REQUEST' };
/** A 1×1 PNG. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const branding = {
  companyName: 'Tenant C Ltd',
  primaryColor: '#112233',
  accentColor: '#445566',
  legalFooter: 'C footer',
};

export const REPORTS_CASES = {
  'reports.list': {
    call: (c, fx) => c.reports.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await rx(fx);
      await expect(clientA.reports.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA, analyst }, fx) => {
      const r = await rx(fx);
      // A client sees only its finished reports; staff also see queued ones.
      expect((await clientA.reports.list({ tenantId: fx.a.id })).map((x) => x.id)).toEqual([r.a.ready]);
      const staff = (await analyst.reports.list({ tenantId: fx.a.id })).map((x) => x.id).sort();
      expect(staff).toEqual([r.a.ready, r.a.queued].sort());
    },
  },
  'reports.get': {
    call: (c, fx) => c.reports.get({ tenantId: fx.a.id, reportId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const r = await rx(fx);
      await expect(clientA.reports.get({ tenantId: fx.b.id, reportId: r.b.ready })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(clientA.reports.get({ tenantId: fx.a.id, reportId: r.b.ready })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(clientA.reports.get({ tenantId: fx.a.id, reportId: r.a.queued })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
    positive: async ({ clientA, analyst }, fx) => {
      const r = await rx(fx);
      expect(await clientA.reports.get({ tenantId: fx.a.id, reportId: r.a.ready })).toMatchObject({
        status: 'ready',
      });
      expect(await analyst.reports.get({ tenantId: fx.a.id, reportId: r.a.queued })).toMatchObject({
        status: 'queued',
      });
    },
  },
  'reports.generateIncident': {
    call: (c, fx) => c.reports.generateIncident({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const r = await rx(fx);
      await expect(
        clientA.reports.generateIncident({ tenantId: fx.b.id, incidentId: r.b.incident.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.reports.generateIncident({ tenantId: fx.a.id, incidentId: r.a.incident.incidentId }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const r = await rx(fx);
      await expect(
        analyst.reports.generateIncident({ tenantId: fx.c.id, incidentId: r.b.incident.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
      const queued = await analyst.reports.generateIncident({
        tenantId: fx.c.id,
        incidentId: r.c.incident.incidentId,
      });
      expect(queued).toMatchObject({ version: 3, created: true });
    },
  },
  'reports.generatePeriodic': {
    call: (c, fx) =>
      c.reports.generatePeriodic({ tenantId: fx.a.id, fromDay: '2026-10-01', toDay: '2026-10-31' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.reports.generatePeriodic({ tenantId: fx.b.id, fromDay: '2026-10-01', toDay: '2026-10-31' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.reports.generatePeriodic({ tenantId: fx.a.id, fromDay: '2026-10-01', toDay: '2026-10-31' }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      await expect(
        analyst.reports.generatePeriodic({ tenantId: fx.c.id, fromDay: '2026-10-31', toDay: '2026-10-01' }),
      ).rejects.toMatchObject(BAD_REQUEST);
      const queued = await analyst.reports.generatePeriodic({
        tenantId: fx.c.id,
        fromDay: '2026-10-01',
        toDay: '2026-10-31',
      });
      expect(queued).toMatchObject({ version: 1, created: true });
    },
  },
  'reports.narrative': {
    call: (c, fx) => c.reports.narrative({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const r = await rx(fx);
      await expect(
        clientA.reports.narrative({ tenantId: fx.b.id, incidentId: r.b.incident.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.reports.narrative({ tenantId: fx.a.id, incidentId: r.a.incident.incidentId }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const r = await rx(fx);
      await expect(
        analyst.reports.narrative({ tenantId: fx.a.id, incidentId: r.b.incident.incidentId }),
      ).rejects.toMatchObject(NOT_FOUND);
      const n = await analyst.reports.narrative({ tenantId: fx.a.id, incidentId: r.a.incident.incidentId });
      expect(n.executiveSummary).toContain('phishing email');
    },
  },
  'reports.saveNarrative': {
    call: (c, fx) =>
      c.reports.saveNarrative({
        tenantId: fx.a.id,
        incidentId: crypto.randomUUID(),
        executiveSummary: '',
        recommendations: '',
      }),
    crossTenant: async ({ clientA }, fx) => {
      const r = await rx(fx);
      await expect(
        clientA.reports.saveNarrative({
          tenantId: fx.b.id,
          incidentId: r.b.incident.incidentId,
          executiveSummary: 'x',
          recommendations: 'y',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const r = await rx(fx);
      await expect(
        analyst.reports.saveNarrative({
          tenantId: fx.c.id,
          incidentId: r.b.incident.incidentId,
          executiveSummary: 'x',
          recommendations: 'y',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
      const saved = await analyst.reports.saveNarrative({
        tenantId: fx.c.id,
        incidentId: r.c.incident.incidentId,
        executiveSummary: 'Contained within the hour.',
        recommendations: 'Rotate keys.',
      });
      expect(saved).toMatchObject({
        executiveSummary: 'Contained within the hour.',
        recommendations: 'Rotate keys.',
      });
    },
  },
  'reports.schedules': {
    call: (c, fx) => c.reports.schedules({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.reports.schedules({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.reports.schedules({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      expect(await analyst.reports.schedules({ tenantId: fx.a.id })).toEqual([]);
      await expect(analyst.reports.schedules({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'reports.setSchedule': {
    call: (c, fx) =>
      c.reports.setSchedule({
        tenantId: fx.a.id,
        frequency: 'weekly',
        enabled: false,
        emailRecipients: false,
      }),
    crossTenant: async ({ clientA }, fx) => {
      const input = { frequency: 'monthly', enabled: true, emailRecipients: true } as const;
      await expect(clientA.reports.setSchedule({ tenantId: fx.b.id, ...input })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(clientA.reports.setSchedule({ tenantId: fx.a.id, ...input })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ analyst, admin }, fx) => {
      const input = { frequency: 'monthly', enabled: true, emailRecipients: true } as const;
      await expect(analyst.reports.setSchedule({ tenantId: fx.c.id, ...input })).rejects.toMatchObject(
        FORBIDDEN,
      );
      const after = await admin.reports.setSchedule({ tenantId: fx.c.id, ...input });
      expect(after).toMatchObject([{ tenantId: fx.c.id, frequency: 'monthly', emailRecipients: true }]);
      expect(await admin.reports.schedules({ tenantId: fx.b.id })).toEqual([]);
    },
  },
  'branding.get': {
    call: (c, fx) => c.branding.get({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.branding.get({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect(await clientA.branding.get({ tenantId: fx.a.id })).toMatchObject({
        tenantId: fx.a.id,
        companyName: fx.a.name,
      });
    },
  },
  'branding.update': {
    call: (c, fx) => c.branding.update({ tenantId: fx.a.id, ...branding }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.branding.update({ tenantId: fx.b.id, ...branding })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(clientA.branding.update({ tenantId: fx.a.id, ...branding })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ analyst, admin }, fx) => {
      await expect(analyst.branding.update({ tenantId: fx.c.id, ...branding })).rejects.toMatchObject(
        FORBIDDEN,
      );
      // A PNG renamed to anything is still judged by its bytes; text posing as an image is refused.
      const fake = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
      await expect(
        admin.branding.update({ tenantId: fx.c.id, ...branding, logo: fake }),
      ).rejects.toMatchObject({
        ...BAD_REQUEST,
        message: 'the logo must be a PNG, JPEG or SVG image',
      });
      await admin.branding.update({ tenantId: fx.c.id, ...branding, logo: PNG_BASE64 });
      expect(await admin.branding.get({ tenantId: fx.c.id })).toMatchObject({
        companyName: 'Tenant C Ltd',
        primaryColor: '#112233',
        logo: { mime: 'image/png' },
      });
      expect(await admin.branding.get({ tenantId: fx.b.id })).toMatchObject({
        companyName: fx.b.name,
        logo: null,
      });
    },
  },
  'branding.updateMssp': {
    call: (c) => c.branding.updateMssp({ msspName: 'Acme MSSP' }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.branding.updateMssp({ msspName: 'Evil' })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst, admin }, fx) => {
      await expect(analyst.branding.updateMssp({ msspName: 'Evil' })).rejects.toMatchObject(FORBIDDEN);
      await admin.branding.updateMssp({ msspName: 'Acme MSSP' });
      expect((await analyst.branding.get({ tenantId: fx.a.id })).mssp.name).toBe('Acme MSSP');
    },
  },
} satisfies Record<string, Case>;
