import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from './support/app-server';
import { launchBrowser } from './support/browser';

// Logins the demo seed prints at start (packages/db/src/seed.ts).
const bob = { email: 'bob@palisade.test', password: 'palisade-demo-3' }; // analyst: Acme + Globex
const carol = { email: 'carol@acme-health.test', password: 'palisade-demo-4' }; // Acme client admin

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
}

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('foundation in the browser', () => {
  it('prints the demo logins at start', () => {
    expect(app.output()).toContain(bob.email);
    expect(app.output()).toContain(carol.password);
  });

  it('an analyst sees only the tenants assigned to him', () =>
    withPage(async (page) => {
      await signIn(page, bob);
      await page.waitForURL('**/console**');
      await page.goto(`${app.url}/console/tenants`);
      const main = page.getByRole('main');
      await expect.poll(() => main.innerText()).toContain('Acme Health');
      const text = await main.innerText();
      expect(text).toContain('Globex Logistics');
      expect(text).not.toContain('Initech Finance');
    }));

  it("a client user lands in a portal in its tenant's branding", () =>
    withPage(async (page) => {
      await signIn(page, carol);
      await page.waitForURL('**/portal**');
      await expect.poll(() => page.locator('body').innerText()).toContain('Acme Health Security');
      const shell = page.locator('.portal-brand').first();
      await expect
        .poll(() =>
          shell.evaluate((el) => getComputedStyle(el).getPropertyValue('--shell-sidebar-bg').trim()),
        )
        .toBe('#0f766e');
      const logo = shell.locator('img').first();
      expect(await logo.isVisible()).toBe(true);
      expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }));

  it('a client user opening the console gets a 403 page', () =>
    withPage(async (page) => {
      await signIn(page, carol);
      await page.waitForURL('**/portal**');
      const res = await page.goto(`${app.url}/console`);
      expect(res?.status()).toBe(403);
      expect(await page.locator('body').innerText()).toMatch(/403|not allowed|forbidden/i);
    }));

  it('a wrong password shows an error and keeps the user signed out', () =>
    withPage(async (page) => {
      await signIn(page, { email: bob.email, password: 'not-the-password' });
      await expect.poll(() => page.locator('body').innerText()).toMatch(/incorrect|invalid|wrong/i);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      const res = await page.goto(`${app.url}/console`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(res?.status()).toBe(200);
    }));
});
