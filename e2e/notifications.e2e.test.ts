import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from './support/app-server';
import { launchBrowser } from './support/browser';

// Demo logins (packages/db/src/seed.ts) and the first demo tenant (DEMO_TENANTS[0]).
const admin = { email: 'admin@palisade.test', password: 'palisade-demo-1' };
const acmeTenantId = '0b7c6c1e-1d7a-4a52-9c1e-000000000001';
const run = Date.now().toString(36);

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

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/console**');
}

/** A fresh browser context that fails the test on any CSP violation (the email frame inherits the policy). */
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

describe('notifications', () => {
  it('an MSSP admin edits a tenant’s contacts and tier 1 rule', async () => {
    await withPage(async (page) => {
      await signIn(page, admin);
      await page.goto(`${app.url}/console/settings/contacts?tenant=${acmeTenantId}`);
      const table = page.getByRole('table', { name: 'Tenant contacts' });
      // The demo seed's primary contact.
      await expect.poll(() => table.innerText()).toContain('it-lead@acme-health.example');
      const form = page.getByRole('form', { name: 'Add contact' });
      await form.getByLabel('Kind').selectOption('escalation');
      await form.getByLabel('Name').fill(`Night shift ${run}`);
      await form.getByLabel('Email').fill(`night-${run}@acme-health.example`);
      await form.getByLabel('Order').fill('3');
      await form.getByRole('button', { name: 'Add contact' }).click();
      await expect.poll(() => table.innerText()).toContain(`night-${run}@acme-health.example`);
      // A second primary is refused with a reason next to the form.
      await form.getByLabel('Kind').selectOption('primary');
      await form.getByLabel('Name').fill('Second primary');
      await form.getByLabel('Email').fill(`second-${run}@acme-health.example`);
      await form.getByRole('button', { name: 'Add contact' }).click();
      await expect.poll(() => form.getByRole('alert').innerText()).toContain('already has a primary contact');

      const rule = page.getByRole('form', { name: 'Tier 1 rule' });
      await rule.getByLabel('sha256').check();
      await rule.getByRole('button', { name: 'Save rule' }).click();
      await expect.poll(() => rule.innerText()).toContain('Saved.');
    });
  });

  it('the demo’s tier 1 notices are in the outbox, viewable as branded HTML and as text', async () => {
    await withPage(async (page) => {
      await signIn(page, admin);
      await page.goto(`${app.url}/console/notifications?tenant=${acmeTenantId}`);
      const table = page.getByRole('table', { name: 'Outbox' });
      // The demo alerts run the master playbook; its tier 1 section emails Acme's primary contact.
      await expect
        .poll(() => table.innerText(), { timeout: 90_000, interval: 1000 })
        .toContain('it-lead@acme-health.example');
      expect(await table.innerText()).toContain('in outbox');
      await table.getByRole('button').first().click();
      const frame = page.frameLocator('iframe[title^="Email:"]');
      await expect
        .poll(() => frame.locator('body').innerText())
        .toContain('Follow the incident in your portal');
      expect(await frame.locator('body').innerText()).toContain('Acme Health Security');
      await page.getByRole('tab', { name: 'Plain text' }).click();
      await expect.poll(() => page.locator('pre').innerText()).toContain('/portal/incidents/');
    });
  }, 180_000);
});
