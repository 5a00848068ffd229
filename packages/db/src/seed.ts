import { sql } from 'drizzle-orm';
import type { Db } from './database';
import { hashPassword } from './password';
import { memberships, msspAdmins, type NewTenant, type Role, tenants, users } from './schema/index';

export type DemoLogin = { email: string; password: string; role: Role; tenant?: string };
export type DemoLogins = DemoLogin[];

export const DEMO_MSSP_NAME = 'Palisade MSSP';

const logo = (shape: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img"><rect width="64" height="64" rx="14" fill="${color}"/>${shape}</svg>`;

/** Fixed ids: the seed upserts by them, so running it twice changes nothing. */
export const DEMO_TENANTS = [
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-000000000001',
    slug: 'acme-health',
    name: 'Acme Health',
    aliases: ['Acme', 'Acme Health Inc.'],
    timezone: 'America/New_York',
    brandName: 'Acme Health Security',
    primaryColor: '#0f766e',
    accentColor: '#14b8a6',
    logoSvg: logo('<path d="M26 14h12v12h12v12H38v12H26V38H14V26h12z" fill="#ffffff"/>', '#0f766e'),
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-000000000002',
    slug: 'globex-logistics',
    name: 'Globex Logistics',
    aliases: ['Globex', 'Globex Corp'],
    timezone: 'Europe/Berlin',
    brandName: 'Globex Secure',
    primaryColor: '#c2410c',
    accentColor: '#f59e0b',
    logoSvg: logo(
      '<circle cx="32" cy="32" r="18" fill="none" stroke="#ffffff" stroke-width="5"/><path d="M14 32h36M32 14c-8 10-8 26 0 36M32 14c8 10 8 26 0 36" fill="none" stroke="#ffffff" stroke-width="3"/>',
      '#c2410c',
    ),
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-000000000003',
    slug: 'initech-finance',
    name: 'Initech Finance',
    aliases: ['Initech', 'INTC Finance'],
    timezone: 'Asia/Singapore',
    brandName: 'Initech Finance SOC',
    primaryColor: '#4338ca',
    accentColor: '#a855f7',
    logoSvg: logo(
      '<rect x="14" y="34" width="9" height="16" fill="#ffffff"/><rect x="27.5" y="24" width="9" height="26" fill="#ffffff"/><rect x="41" y="14" width="9" height="36" fill="#ffffff"/>',
      '#4338ca',
    ),
  },
] as const satisfies readonly (NewTenant & { id: string })[];

type DemoUser = {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  tenantSlugs: readonly string[];
};

const [acme, globex, initech] = DEMO_TENANTS;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000a1',
    email: 'admin@palisade.test',
    name: 'Morgan Admin',
    password: 'palisade-demo-1',
    role: 'mssp_admin',
    tenantSlugs: [],
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000a2',
    email: 'alice@palisade.test',
    name: 'Alice Analyst',
    password: 'palisade-demo-2',
    role: 'analyst',
    tenantSlugs: [acme.slug, globex.slug, initech.slug],
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000a3',
    email: 'bob@palisade.test',
    name: 'Bob Analyst',
    password: 'palisade-demo-3',
    role: 'analyst',
    tenantSlugs: [acme.slug, globex.slug],
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000c1',
    email: 'carol@acme-health.test',
    name: 'Carol (Acme Health)',
    password: 'palisade-demo-4',
    role: 'client_admin',
    tenantSlugs: [acme.slug],
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000c2',
    email: 'dan@globex.test',
    name: 'Dan (Globex Logistics)',
    password: 'palisade-demo-5',
    role: 'client_admin',
    tenantSlugs: [globex.slug],
  },
  {
    id: '0b7c6c1e-1d7a-4a52-9c1e-0000000000c3',
    email: 'erin@initech.test',
    name: 'Erin (Initech Finance)',
    password: 'palisade-demo-6',
    role: 'client_admin',
    tenantSlugs: [initech.slug],
  },
];

/**
 * The demo MSSP: 3 branded tenants, an MSSP admin, two analysts (all three / two tenants) and a
 * client admin per tenant. Idempotent: existing rows are kept as they are (no password reset).
 * Runs on the owner connection (the migration role bypasses RLS), never through withTenant.
 */
export async function seedDemo(db: Db): Promise<DemoLogins> {
  const tenantIdBySlug = new Map<string, string>();
  for (const tenant of DEMO_TENANTS) {
    const [row] = await db
      .insert(tenants)
      .values({ ...tenant, aliases: [...tenant.aliases] })
      // A no-op update so RETURNING also yields the existing row (matched by slug, the natural key).
      .onConflictDoUpdate({ target: tenants.slug, set: { slug: sql`excluded.slug` } })
      .returning({ id: tenants.id });
    if (!row) throw new Error(`seed: tenant ${tenant.slug} not written`);
    tenantIdBySlug.set(tenant.slug, row.id);
  }

  const logins: DemoLogins = [];
  for (const user of DEMO_USERS) {
    const staff = user.role === 'mssp_admin' || user.role === 'analyst';
    const [row] = await db
      .insert(users)
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        passwordHash: await hashPassword(user.password),
        kind: staff ? 'staff' : 'client',
      })
      .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
      .returning({ id: users.id });
    if (!row) throw new Error(`seed: user ${user.email} not written`);
    if (user.role === 'mssp_admin') {
      await db.insert(msspAdmins).values({ userId: row.id }).onConflictDoNothing();
    }
    for (const slug of user.tenantSlugs) {
      const tenantId = tenantIdBySlug.get(slug);
      if (!tenantId) throw new Error(`seed: unknown tenant ${slug}`);
      await db
        .insert(memberships)
        .values({ tenantId, userId: row.id, role: user.role })
        .onConflictDoNothing();
    }
    const tenantName = DEMO_TENANTS.find((t) => t.slug === user.tenantSlugs[0])?.name;
    logins.push({
      email: user.email,
      password: user.password,
      role: user.role,
      ...(user.role.startsWith('client_') && tenantName ? { tenant: tenantName } : {}),
    });
  }
  return logins;
}
