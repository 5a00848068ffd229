import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from './support/app-server';
import { launchBrowser } from './support/browser';

// Demo logins (packages/db/src/seed.ts).
const bob = { email: 'bob@palisade.test', password: 'palisade-demo-3' }; // analyst: Acme + Globex
const carol = { email: 'carol@acme-health.test', password: 'palisade-demo-4' }; // Acme client admin
const dan = { email: 'dan@globex.test', password: 'palisade-demo-5' }; // Globex client admin
const acmeTenantId = '0b7c6c1e-1d7a-4a52-9c1e-000000000001'; // DEMO_TENANTS[0]

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, who: { email: string; password: string }, area: string): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/${area}**`);
}

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('reports in the browser', () => {
  let reportPath = '';

  it(
    'an analyst generates a periodic report and watches it finish',
    () =>
      withPage(async (page) => {
        await signIn(page, bob, 'console');
        await page.goto(`${app.url}/console/reports?tenant=${acmeTenantId}`);
        await page.getByRole('button', { name: 'Generate periodic report' }).click();
        const download = page.getByRole('link', { name: /Download PDF/ }).first();
        await download.waitFor({ timeout: 120_000 });
        reportPath = (await download.getAttribute('href')) ?? '';
        expect(reportPath).toMatch(
          new RegExp(`^/api/reports/v1/tenants/${acmeTenantId}/reports/[0-9a-f-]{36}/pdf$`),
        );
      }),
    180_000,
  );

  it('the client downloads it from its portal', () =>
    withPage(async (page) => {
      await signIn(page, carol, 'portal');
      await page.goto(`${app.url}/portal/reports`);
      const link = page.getByRole('link', { name: /Download PDF/ }).first();
      await link.waitFor();
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(file.suggestedFilename()).toMatch(
        /^monthly-security-report-.*-v\d+\.pdf$|^periodic-security-report-.*-v\d+\.pdf$/,
      );
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const pdf = Buffer.concat(chunks);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
    }));

  it('another client cannot fetch that report, even with its URL', () =>
    withPage(async (page) => {
      await signIn(page, dan, 'portal');
      const res = await page.request.get(`${app.url}${reportPath}`);
      expect(res.status()).toBe(404);
    }));
});
