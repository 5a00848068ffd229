import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from './support/app-server';
import { launchBrowser } from './support/browser';

// Demo logins (packages/db/src/seed.ts).
const admin = { email: 'admin@palisade.test', password: 'palisade-demo-1' };
const bob = { email: 'bob@palisade.test', password: 'palisade-demo-3' }; // analyst: Acme + Globex
const carol = { email: 'carol@acme-health.test', password: 'palisade-demo-4' }; // Acme client admin

// Unique per run, so the assertions cannot be satisfied by demo data.
const run = Date.now().toString(36);
const acmeTitle = `E2E ${run} ransomware beacon on ws-042`;
const initechTitle = `E2E ${run} phishing link clicked`;
const internalNote = `internal ${run}: looks like lateral movement`;
const sharedNote = `shared ${run}: we isolated the host`;
// Block-listed for Acme before the alert arrives, so enrichment judges it malicious with no internet.
const beaconIp = '203.0.113.77';
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
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  try {
    const result = await fn(page);
    expect(cspViolations).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

/** Creates a data source for the tenant on the console page and returns the key it shows once. */
async function createKey(page: Page, tenantName: string, sourceName: string): Promise<string> {
  await page.goto(`${app.url}/console/settings/data-sources`);
  const form = page.getByRole('form', { name: 'New data source' });
  await form.getByLabel('Tenant', { exact: true }).selectOption({ label: tenantName });
  await form.getByLabel('Name', { exact: true }).fill(sourceName);
  await form.getByRole('button', { name: 'Create data source' }).click();
  const key = page.getByTestId('revealed-key');
  await key.waitFor();
  const text = (await key.innerText()).trim();
  expect(text.length).toBeGreaterThan(20);
  // The source is listed without the key.
  await expect
    .poll(() => page.getByRole('table', { name: 'Data sources' }).innerText())
    .toContain(sourceName);
  return text;
}

async function postAlert(key: string, alert: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${app.url}/api/ingest/v1/alerts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(alert),
  });
  expect(res.status).toBe(202);
}

describe('incidents in the browser', () => {
  it('an admin creates data-source keys in the console; alerts posted with them become incidents', () =>
    withPage(async (page) => {
      await signIn(page, admin, 'console');
      await page.goto(`${app.url}/console/settings/lists?tenant=${acmeTenantId}`);
      await page.getByRole('tab', { name: /block/i }).click();
      const entry = page.getByRole('form', { name: 'Add entry' });
      await entry.getByLabel('Value', { exact: true }).fill(beaconIp);
      await entry.getByLabel('Reason', { exact: true }).fill(`e2e ${run} known C2`);
      await entry.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => page.getByRole('main').innerText()).toContain(beaconIp);
      const acmeKey = await createKey(page, 'Acme Health', `e2e-siem-${run}`);
      const initechKey = await createKey(page, 'Initech Finance', `e2e-edr-${run}`);
      await postAlert(acmeKey, {
        id: `acme-${run}`,
        title: acmeTitle,
        severity: 'high',
        host: 'ws-042',
        description: `Beacon to ${beaconIp} and hxxp://evil-e2e[.]example/c2 via PowerShell (T1059.001)`,
      });
      await postAlert(initechKey, {
        id: `initech-${run}`,
        title: initechTitle,
        severity: 'medium',
        host: 'fin-laptop-7',
        description: 'User clicked https://phish-e2e.example/login',
      });
    }));

  it(
    'an analyst sees incidents of his tenants only, assigns one to himself and changes its status',
    () =>
      withPage(async (page) => {
        await signIn(page, bob, 'console');
        await page.goto(`${app.url}/console/incidents`);
        const queue = page.getByRole('table', { name: 'Incidents' });
        // The worker creates the incident after the 202: the queue refreshes itself, no reload.
        await expect.poll(() => queue.innerText(), { timeout: 45_000 }).toContain(acmeTitle);
        expect(await queue.innerText()).not.toContain(initechTitle);
        expect(await queue.innerText()).not.toContain('Initech Finance');

        await page.getByLabel('Search').fill(run);
        await expect.poll(() => queue.locator('tbody tr').count()).toBe(1);

        await queue.getByRole('link', { name: acmeTitle }).click();
        await page.waitForURL('**/console/incidents/**');
        await expect.poll(() => page.getByRole('main').innerText()).toContain('ws-042');

        // The master playbook's enrichment step judges every artifact; the page shows it without a reload.
        const verdicts = page.getByRole('table', { name: 'Artifact verdicts' });
        await expect
          .poll(() => verdicts.innerText().catch(() => ''), { timeout: 60_000 })
          .toContain(beaconIp);
        const beaconRow = verdicts.getByRole('row').filter({ hasText: beaconIp });
        expect(await beaconRow.innerText()).toMatch(/malicious/);
        expect(await beaconRow.innerText()).toContain(`e2e ${run} known C2`);
        expect(await page.getByLabel('Verdict counts').innerText()).toMatch(/malicious\s*1/);
        const techniques = page.getByLabel('Techniques by tactic');
        await expect.poll(() => techniques.innerText().catch(() => '')).toContain('T1059.001');
        expect(await techniques.innerText()).toContain('Execution');

        await page.getByRole('button', { name: 'Assign to me' }).click();
        const timeline = page.getByRole('list', { name: 'Timeline' });
        await expect.poll(() => timeline.innerText()).toMatch(/assigned/i);

        await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
        await page.getByRole('button', { name: 'Set status' }).click();
        await expect.poll(() => timeline.innerText()).toMatch(/in progress/i);
        expect(await timeline.innerText()).toContain('Bob Analyst');

        await page.getByLabel('Comment', { exact: true }).fill(internalNote);
        await page.getByRole('button', { name: 'Add internal comment' }).click();
        await expect.poll(() => page.getByRole('main').innerText()).toContain(internalNote);
        await page.getByLabel('Comment', { exact: true }).fill(sharedNote);
        await page.getByRole('button', { name: 'Share with client' }).click();
        await expect.poll(() => page.getByRole('main').innerText()).toContain(sharedNote);

        // A reload shows the same persisted state.
        await page.reload();
        await expect.poll(() => page.getByRole('main').innerText()).toMatch(/in progress/i);
      }),
    180_000,
  ); // the worker enriches the incident after it exists: wait for that, not the default 60 s

  it('a client sees only its own incidents in the portal, and no internal comments', () =>
    withPage(async (page) => {
      await signIn(page, carol, 'portal');
      await page.goto(`${app.url}/portal/incidents`);
      const list = page.getByRole('table', { name: 'Incidents' });
      await expect.poll(() => list.innerText()).toContain(acmeTitle);
      expect(await list.innerText()).not.toContain(initechTitle);

      await list.getByRole('link', { name: acmeTitle }).click();
      await page.waitForURL('**/portal/incidents/**');
      const main = page.getByRole('main');
      await expect.poll(() => main.innerText()).toContain(sharedNote);
      expect(await main.innerText()).not.toContain(internalNote);
      expect(await main.innerText()).toMatch(/in progress/i);
    }));
});
