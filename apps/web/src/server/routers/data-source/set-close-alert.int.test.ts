import { auditLog, integrationCredentials } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

describe('dataSource.setCloseAlert', () => {
  it('stores the close-on-resolve setting, lists it, audits it, and clears it', async () => {
    const admin = await callerFor(fx.admin);
    const { dataSource } = await admin.dataSource.create({ tenantId: fx.a.id, name: 'Elastic prod' });
    const setting = {
      target: 'elastic' as const,
      url: 'https://kibana.client.example:5601',
      credential: 'elastic-close',
    };
    await admin.dataSource.setCloseAlert({
      tenantId: fx.a.id,
      dataSourceId: dataSource.id,
      closeAlert: setting,
    });
    const listed = await admin.dataSource.list({ tenantId: fx.a.id });
    expect(listed.find((s) => s.id === dataSource.id)?.closeAlert).toEqual(setting);
    const [entry] = await withTenant(fx.a.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'data_source.update')).orderBy(desc(auditLog.at)),
    );
    expect(entry).toMatchObject({
      target: `data_source:${dataSource.id}`,
      after: {
        closeAlertTarget: 'elastic',
        closeAlertUrl: setting.url,
        closeAlertCredential: 'elastic-close',
      },
    });

    await admin.dataSource.setCloseAlert({
      tenantId: fx.a.id,
      dataSourceId: dataSource.id,
      closeAlert: null,
    });
    expect(
      (await admin.dataSource.list({ tenantId: fx.a.id })).find((s) => s.id === dataSource.id)?.closeAlert,
    ).toBeNull();
  });

  it('seals a given secret into the named tenant credential and never returns it', async () => {
    const admin = await callerFor(fx.admin);
    const { dataSource } = await admin.dataSource.create({ tenantId: fx.a.id, name: 'Splunk ES prod' });
    const secret = 'splunk-token-0123456789';
    const setting = {
      target: 'splunk_es' as const,
      url: 'https://splunk.client.example:8089',
      credential: 'splunk-close',
    };
    const out = await admin.dataSource.setCloseAlert({
      tenantId: fx.a.id,
      dataSourceId: dataSource.id,
      closeAlert: setting,
      secret,
    });
    expect(JSON.stringify(out)).not.toContain(secret);
    const [row] = await withTenant(fx.a.id, (tx) =>
      tx.select().from(integrationCredentials).where(eq(integrationCredentials.provider, 'splunk-close')),
    );
    expect(row?.secret).toBeTruthy();
    expect(row?.secret).not.toContain(secret);
    const listed = await admin.dataSource.list({ tenantId: fx.a.id });
    expect(JSON.stringify(listed)).not.toContain(secret);
    await expect(
      admin.dataSource.setCloseAlert({
        tenantId: fx.a.id,
        dataSourceId: dataSource.id,
        closeAlert: { ...setting, credential: null },
        secret,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/needs a credential name/),
    });
  });

  it.each([
    [{ target: 'splunk_es', url: 'ftp://splunk.example', credential: null }, /url/],
    [{ target: 'qradar', url: 'https://qradar.example', credential: null }, /target/],
    [{ target: 'webhook', url: 'https://hooks.example/x', credential: 'Bad Name!' }, /credential/],
  ])('refuses %j with BAD_REQUEST naming the field', async (closeAlert, field) => {
    const admin = await callerFor(fx.admin);
    const { dataSource } = await admin.dataSource.create({
      tenantId: fx.a.id,
      name: `bad-${crypto.randomUUID().slice(0, 6)}`,
    });
    const err = await admin.dataSource
      .setCloseAlert({ tenantId: fx.a.id, dataSourceId: dataSource.id, closeAlert: closeAlert as never })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(field) });
  });

  it('an unknown data source is NOT_FOUND', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.dataSource.setCloseAlert({
        tenantId: fx.a.id,
        dataSourceId: crypto.randomUUID(),
        closeAlert: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
