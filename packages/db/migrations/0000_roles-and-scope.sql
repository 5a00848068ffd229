-- Roles and the unforgeable tenant scope. Runs before the tables: their policies call current_scope().
--
-- Why not a plain GUC: app code can rewrite any custom setting with set_config. enter_scope() stores
-- the ids with a signature = sha256(secret || ids || backend pid || transaction id); the secret is
-- readable only by the migration owner, so current_scope() returns the ids only when the signature
-- matches, and an edited setting yields an empty scope.

-- The SECURITY DEFINER functions below run as the migration owner and must see every tenant:
-- fail loudly instead of returning empty results later.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'Palisade migrations must run as a superuser or a BYPASSRLS role (current user: %)', current_user;
  END IF;
END $$;
--> statement-breakpoint
-- Roles are cluster-wide: a second database (tests, templates) must not fail on them.
-- palisade_app: the runtime role every tenant query runs as (RLS applies, owns nothing).
-- palisade_auth: may open a scope and call the sign-in lookups; granted to the login role.
DO $$
BEGIN
  BEGIN
    CREATE ROLE palisade_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE palisade_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
END $$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS palisade_private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA palisade_private FROM PUBLIC;
--> statement-breakpoint
CREATE TABLE palisade_private.scope_secret (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  secret bytea NOT NULL
);
--> statement-breakpoint
-- gen_random_uuid() draws from the strong random source: two of them give 244 random bits.
INSERT INTO palisade_private.scope_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
--> statement-breakpoint
-- One row per backend: the transaction that last entered a scope. Lets enter_scope refuse a second
-- scope in the same transaction even if the caller resets its own settings. Unlogged: per-session
-- state that needs no WAL and is rightly emptied after a crash.
CREATE UNLOGGED TABLE palisade_private.scope_entries (
  backend_pid integer PRIMARY KEY,
  xact_id xid8 NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION palisade_private.scope_signature(p_ids text) RETURNS text
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT encode(sha256(
    (SELECT s.secret FROM palisade_private.scope_secret s)
    || convert_to(p_ids || '|' || pg_backend_pid()::text || '|' || coalesce(pg_current_xact_id_if_assigned()::text, ''), 'UTF8')
  ), 'hex')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION palisade_private.scope_signature(text) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION public.enter_scope(p_tenant_ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_ids text;
  v_xact xid8 := pg_current_xact_id();
  v_fresh boolean;
BEGIN
  SELECT coalesce(string_agg(DISTINCT x::text, ',' ORDER BY x::text), '')
    INTO v_ids
    FROM unnest(p_tenant_ids) AS x
   WHERE x IS NOT NULL;

  INSERT INTO palisade_private.scope_entries AS e (backend_pid, xact_id)
  VALUES (pg_backend_pid(), v_xact)
  ON CONFLICT (backend_pid) DO UPDATE SET xact_id = excluded.xact_id WHERE e.xact_id <> excluded.xact_id
  RETURNING true INTO v_fresh;
  IF v_fresh IS NULL THEN
    RAISE EXCEPTION 'a tenant scope was already entered in this transaction' USING ERRCODE = 'insufficient_privilege';
  END IF;

  -- Rows of ended backends are dead weight (pids are reused, so the table stays bounded anyway):
  -- prune them now and then rather than on every call.
  IF random() < 0.001 THEN
    DELETE FROM palisade_private.scope_entries e
     WHERE e.backend_pid <> pg_backend_pid()
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.pid = e.backend_pid);
  END IF;

  PERFORM set_config('app.tenant_scope', v_ids, true);
  PERFORM set_config('app.tenant_scope_sig', palisade_private.scope_signature(v_ids), true);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.enter_scope(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.enter_scope(uuid[]) TO palisade_auth;
--> statement-breakpoint
-- PARALLEL RESTRICTED: a parallel worker has another pid, so it must run in the leader.
CREATE FUNCTION public.current_scope() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_ids text := nullif(current_setting('app.tenant_scope', true), '');
  v_sig text := nullif(current_setting('app.tenant_scope_sig', true), '');
BEGIN
  IF v_ids IS NULL OR v_sig IS NULL OR v_sig <> palisade_private.scope_signature(v_ids) THEN
    RETURN '{}'::uuid[];
  END IF;
  RETURN string_to_array(v_ids, ',')::uuid[];
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.current_scope() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.current_scope() TO palisade_app, palisade_auth;
--> statement-breakpoint
-- Default for tenant_id columns: the only tenant of a one-tenant scope, else null (NOT NULL then fails).
CREATE FUNCTION public.scope_tenant() RETURNS uuid
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN cardinality(s) = 1 THEN s[1] END FROM (SELECT public.current_scope() AS s) AS scope
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.scope_tenant() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.scope_tenant() TO palisade_app, palisade_auth;
