import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../src/rows';
import { useTestDatabase } from '../src/testing';

// The policy registry: every table that holds tenant data must carry the wall, so a later migration
// that forgets FORCE, a policy, a grant or the tenant-led key fails here.
const t = useTestDatabase();

const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(text));

type TableInfo = {
  table: string;
  rls: boolean;
  force: boolean;
  policies: number;
  app_policies: number;
  pk_first: string | null;
  app_select: boolean;
};

const tableInfo = () =>
  query<TableInfo>(sql`
    select c.relname as table,
           c.relrowsecurity as rls,
           c.relforcerowsecurity as force,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
           (select count(*)::int from pg_policy p
             where p.polrelid = c.oid and (select oid from pg_roles where rolname = 'palisade_app') = any (p.polroles)) as app_policies,
           (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
             where i.indrelid = c.oid and i.indisprimary) as pk_first,
           has_table_privilege('palisade_app', c.oid, 'select') as app_select
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     order by 1`);

const tenantTables = async () =>
  (
    await query<{ table: string }>(sql`
      select distinct c.relname as table from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id' and not a.attisdropped
       order by 1`)
  ).map((r) => r.table);

describe('policy registry', () => {
  it('finds the tenant tables it guards (positive control)', async () => {
    expect(await tenantTables()).toEqual(expect.arrayContaining(['audit_log', 'memberships']));
  });

  it('every table with tenant_id has ENABLE + FORCE RLS, a palisade_app policy, a tenant-led PK and a grant', async () => {
    const tables = new Set(await tenantTables());
    const problems = (await tableInfo())
      .filter((info) => tables.has(info.table))
      .flatMap((info) => [
        ...(info.rls ? [] : [`${info.table}: RLS not enabled`]),
        ...(info.force ? [] : [`${info.table}: RLS not forced`]),
        ...(info.app_policies > 0 ? [] : [`${info.table}: no policy for palisade_app`]),
        ...(info.pk_first === 'tenant_id' ? [] : [`${info.table}: primary key not led by tenant_id`]),
        ...(info.app_select ? [] : [`${info.table}: palisade_app has no SELECT grant`]),
      ]);
    expect(problems).toEqual([]);
  });

  it('every table in public has ENABLE + FORCE RLS (global tables too)', async () => {
    const infos = await tableInfo();
    expect(infos.length).toBeGreaterThanOrEqual(6);
    expect(infos.filter((i) => !i.rls || !i.force).map((i) => i.table)).toEqual([]);
  });

  it('tenants and users are guarded by policies for palisade_app', async () => {
    const infos = await tableInfo();
    expect(infos.find((i) => i.table === 'tenants')?.app_policies).toBeGreaterThan(0);
    expect(infos.find((i) => i.table === 'users')?.app_policies).toBeGreaterThan(0);
  });

  it('every foreign key from a tenant table to a tenant table is led by tenant_id', async () => {
    const fks = await query<{ name: string; first_column: string; references_tenant_table: boolean }>(sql`
      select con.conname as name,
             (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) as first_column,
             exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'tenant_id') as references_tenant_table
        from pg_constraint con join pg_namespace n on n.oid = con.connamespace
       where n.nspname = 'public' and con.contype = 'f'
         and exists (select 1 from pg_attribute a where a.attrelid = con.conrelid and a.attname = 'tenant_id')`);
    expect(fks.length).toBeGreaterThan(0);
    expect(fks.filter((fk) => fk.references_tenant_table && fk.first_column !== 'tenant_id')).toEqual([]);
  });

  it('palisade_app is neither superuser nor BYPASSRLS and owns nothing', async () => {
    const [role] = await query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcanlogin: boolean;
      owned: number;
    }>(sql`
      select r.rolsuper, r.rolbypassrls, r.rolcanlogin,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
        from pg_roles r where r.rolname = 'palisade_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false, owned: 0 });
  });

  it('scope and sign-in functions are SECURITY DEFINER with a pinned search_path and no PUBLIC execute', async () => {
    const fns = await query<{
      name: string;
      definer: boolean;
      pinned: boolean;
      app: boolean;
      auth: boolean;
      pub: boolean;
    }>(sql`
      select p.proname as name, p.prosecdef as definer,
             coalesce(exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%'), false) as pinned,
             has_function_privilege('palisade_app', p.oid, 'execute') as app,
             has_function_privilege('palisade_auth', p.oid, 'execute') as auth,
             exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where a.grantee = 0 and a.privilege_type = 'EXECUTE') as pub
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and (p.proname like 'auth\\_%' or p.proname in ('enter_scope', 'current_scope'))
       order by 1`);
    expect(fns.map((f) => f.name)).toEqual([
      'auth_check_login_throttle',
      'auth_client_tenant_status',
      'auth_find_invitation',
      'auth_find_user_for_login',
      'auth_record_login_attempt',
      'auth_resolve_actor',
      'auth_totp_begin',
      'auth_totp_disable',
      'auth_totp_enable',
      'auth_totp_get',
      'current_scope',
      'enter_scope',
    ]);
    for (const f of fns) {
      expect({ name: f.name, definer: f.definer, pinned: f.pinned, pub: f.pub }).toEqual({
        name: f.name,
        definer: true,
        pinned: true,
        pub: false,
      });
      expect(f.auth).toBe(true);
      // The runtime role may read its scope, but neither open one nor call sign-in lookups.
      expect(f.app).toBe(f.name === 'current_scope');
    }
  });
});
