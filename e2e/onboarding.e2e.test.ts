import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from './support/app-server';
import { launchBrowser } from './support/browser';

// The whole onboarding wizard for a new tenant in the browser, then an alert posted with the key
// the wizard generated: the incident shows in the console and, after the invited client user has
// accepted the invitation and signed in, in that user's portal.

const admin = { email: 'admin@palisade.test', password: 'palisade-demo-1' }; // demo seed

// Unique per run, so nothing can be satisfied by demo data.
const run = Date.now().toString(36);
const company = `Umbrella ${run}`;
const slug = `umbrella-${run}`;
const clientEmail = `dana-${run}@umbrella.test`;
const clientPassword = `quartz-lantern-${run}-harbour`;
const title = `E2E ${run} credential dumping on dc-01`;

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

// A failed step often has its cause only on the server: print the app's log tail with the failure.
afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.error(`app log (tail):\n${app?.output().slice(-6000)}`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

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

async function signIn(page: Page, who: { email: string; password: string }, area: string): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/${area}**`);
}

const stepPanel = (page: Page, name: string) => page.getByRole('region', { name });

async function continueTo(page: Page, current: string, next: string): Promise<void> {
  await stepPanel(page, current).getByRole('button', { name: 'Save and continue' }).click();
  await stepPanel(page, next).waitFor();
}

let apiKey = '';
let inviteUrl = '';

describe('onboarding wizard', () => {
  it(
    'an MSSP admin takes a new tenant from nothing to live in one sitting',
    () =>
      withPage(async (page) => {
        await signIn(page, admin, 'console');
        await page.goto(`${app.url}/console/tenants`);
        await page.getByRole('link', { name: 'New tenant' }).click();
        const companyForm = page.getByRole('form', { name: 'Company' });
        await companyForm.getByLabel('Company name').fill(company);
        await expect.poll(() => companyForm.getByLabel(/^Slug/).inputValue()).toBe(slug);
        await companyForm.getByLabel(/^Aliases/).fill(`umbrella-${run}.test`);
        await companyForm.getByLabel(/^Timezone/).selectOption('Europe/Berlin');
        await companyForm.getByRole('button', { name: 'Create tenant and continue' }).click();
        await stepPanel(page, 'SLA policy').waitFor();

        // SLA from a template, then edited.
        const sla = stepPanel(page, 'SLA policy');
        await sla.getByLabel('critical assign minutes').waitFor(); // the current policies have loaded
        await sla.getByRole('button', { name: /^Premium 24x7/ }).click();
        await expect.poll(() => sla.getByLabel('critical assign minutes').inputValue()).toBe('5');
        await sla.getByLabel('critical assign minutes').fill('7');
        await continueTo(page, 'SLA policy', 'Contacts');

        const contacts = page.getByRole('form', { name: 'Add a contact' });
        await contacts.getByLabel('Kind').selectOption('primary');
        await contacts.getByLabel('Name').fill('Dana Primary');
        await contacts.getByLabel('Email').fill(`soc-${run}@umbrella.test`);
        await contacts.getByRole('button', { name: 'Add contact' }).click();
        await expect
          .poll(() => stepPanel(page, 'Contacts').innerText())
          .toContain(`soc-${run}@umbrella.test`);
        await continueTo(page, 'Contacts', 'Branding');

        const branding = stepPanel(page, 'Branding');
        // The saved branding (the company name by default) fills the form first.
        await expect.poll(() => branding.getByLabel(/^Name shown/).inputValue()).toBe(company);
        await branding.getByLabel(/^Name shown/).fill(`${company} Security`);
        await expect
          .poll(() => branding.getByRole('figure', { name: 'Preview' }).innerText())
          .toContain(`${company} Security`);
        await continueTo(page, 'Branding', 'Global lists');
        await stepPanel(page, 'Global lists').getByRole('button', { name: 'Skip for now' }).click();

        const sources = stepPanel(page, 'Data sources');
        await sources.waitFor();
        await sources.getByLabel('Data source name').fill(`siem-${run}`);
        await sources.getByRole('button', { name: 'Create and generate key' }).click();
        apiKey = (await sources.getByTestId('revealed-key').innerText()).trim();
        expect(apiKey.length).toBeGreaterThan(20);
        await sources
          .getByLabel(/^Test the mapper/)
          .fill(JSON.stringify({ title: 'Sample', severity: 'high', description: 'beacon to 203.0.113.45' }));
        await sources.getByRole('button', { name: 'Normalize sample' }).click();
        await expect.poll(() => sources.getByLabel('Normalized alert').innerText()).toContain('203.0.113.45');
        await continueTo(page, 'Data sources', 'Daemons');
        await stepPanel(page, 'Daemons').getByRole('button', { name: 'Skip for now' }).click();

        const playbooks = stepPanel(page, 'Playbooks');
        await playbooks.waitFor();
        await playbooks.getByRole('button', { name: 'Copy the MSSP master playbook' }).click();
        // Status or alert, so a failed install shows its error in this test's failure.
        await expect
          .poll(() => playbooks.getByRole('status').or(playbooks.getByRole('alert')).innerText())
          .toContain('Installed');
        await continueTo(page, 'Playbooks', 'Client users');

        const invite = page.getByRole('form', { name: 'Invite a user' });
        await invite.getByLabel('Email').fill(clientEmail);
        await invite.getByLabel('Role').selectOption('client_admin');
        await invite.getByRole('button', { name: 'Invite' }).click();
        inviteUrl = (await stepPanel(page, 'Client users').getByTestId('revealed-key').innerText()).trim();
        expect(inviteUrl).toContain('/invite/');
        await continueTo(page, 'Client users', 'Review and go live');

        const review = stepPanel(page, 'Review and go live');
        await review.getByRole('button', { name: 'Go live' }).click();
        await expect.poll(() => review.getByRole('status').innerText()).toContain('Live since');
      }),
    240_000,
  );

  it('an alert posted with the generated key becomes an incident in the console', () =>
    withPage(async (page) => {
      const res = await fetch(`${app.url}/api/ingest/v1/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: `umbrella-${run}`,
          title,
          severity: 'critical',
          host: 'dc-01',
          description: 'lsass access from 198.51.100.66',
        }),
      });
      expect(res.status).toBe(202);
      await signIn(page, admin, 'console');
      await page.goto(`${app.url}/console/incidents`);
      const queue = page.getByRole('table', { name: 'Incidents' });
      await expect.poll(() => queue.innerText(), { timeout: 45_000 }).toContain(title);
    }));

  it('the invited client user accepts the invitation, signs in and sees the incident in the portal', () =>
    withPage(async (page) => {
      await page.goto(inviteUrl);
      await page.getByLabel('Your name').fill('Dana Client');
      // Long enough for the browser, refused by the server's rules: the address itself.
      await page.getByLabel('New password').fill(clientEmail);
      await page.getByLabel('Repeat the password').fill(clientEmail);
      await page.getByRole('button', { name: 'Set password' }).click();
      // Scoped to the page's main: Next's route announcer is a second (empty) alert.
      await expect
        .poll(() => page.getByRole('main').getByRole('alert').innerText())
        .toContain('do not use your email address');
      // The refusal keeps the name typed; only the passwords are entered again.
      await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Dana Client');
      await page.getByLabel('New password').fill(clientPassword);
      await page.getByLabel('Repeat the password').fill(clientPassword);
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.waitForURL('**/sign-in**');
      await signIn(page, { email: clientEmail, password: clientPassword }, 'portal');
      await page.goto(`${app.url}/portal/incidents`);
      await expect
        .poll(() => page.getByRole('table', { name: 'Incidents' }).innerText(), { timeout: 30_000 })
        .toContain(title);
      // The link worked once.
      await page.goto(inviteUrl);
      await expect.poll(() => page.getByRole('main').innerText()).toContain('This link is not valid');
    }));
});
