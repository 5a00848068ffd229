-- What drizzle-kit does not emit for the admin tables: FORCE RLS, GRANTs and the SECURITY DEFINER
-- functions for what must happen before a scope exists (invitation links, TOTP at sign-in) or
-- outside any one table's grants (deleting a tenant with every row it owns).
ALTER TABLE public.invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.tenant_onboarding FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.user_totp FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Links are created, then only marked used or revoked; never deleted by the app (audit trail).
GRANT SELECT, INSERT ON public.invitations TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (used_at, revoked_at) ON public.invitations TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.tenant_onboarding TO palisade_app;
--> statement-breakpoint
-- The tenant of a link, by the hash of its token: the accept page has no scope yet. Only unused,
-- unrevoked links are found; expiry is reported (the page says "expired" rather than "unknown").
CREATE FUNCTION public.auth_find_invitation(p_token_hash text)
RETURNS TABLE (tenant_id uuid, id uuid, expired boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT i.tenant_id, i.id, i.expires_at <= clock_timestamp()
    FROM public.invitations i
   WHERE i.token_hash = p_token_hash AND i.used_at IS NULL AND i.revoked_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_find_invitation(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_find_invitation(text) TO palisade_auth;
--> statement-breakpoint
-- Why a client user has no actor: its tenant is suspended (the portal shows a locked page, not sign-in).
CREATE FUNCTION public.auth_client_tenant_status(p_user_id uuid)
RETURNS TABLE (tenant_name text, status public.tenant_status)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT t.name, t.status
    FROM public.users u
    JOIN public.memberships m ON m.user_id = u.id AND m.role IN ('client_admin', 'client_viewer')
    JOIN public.tenants t ON t.id = m.tenant_id
   WHERE u.id = p_user_id AND u.kind = 'client' AND u.active
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_client_tenant_status(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_client_tenant_status(uuid) TO palisade_auth;
--> statement-breakpoint
-- TOTP of staff users: read at sign-in, written at enrolment. The caller checks who may do it.
CREATE FUNCTION public.auth_totp_get(p_user_id uuid)
RETURNS TABLE (secret_box text, enabled_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT t.secret_box, t.enabled_at FROM public.user_totp t WHERE t.user_id = p_user_id
$$;
--> statement-breakpoint
-- A new secret waits (enabled_at null) until a code proves the authenticator has it; an enabled
-- secret is never replaced this way (disable first), so a stolen session cannot swap it silently.
CREATE FUNCTION public.auth_totp_begin(p_user_id uuid, p_secret_box text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_done boolean;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.users u WHERE u.id = p_user_id AND u.kind = 'staff' AND u.active) THEN
    RAISE EXCEPTION 'TOTP is for active staff users' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO public.user_totp AS t (user_id, secret_box) VALUES (p_user_id, p_secret_box)
  ON CONFLICT (user_id) DO UPDATE SET secret_box = excluded.secret_box, created_at = clock_timestamp()
   WHERE t.enabled_at IS NULL
  RETURNING true INTO v_done;
  RETURN coalesce(v_done, false);
END
$$;
--> statement-breakpoint
CREATE FUNCTION public.auth_totp_enable(p_user_id uuid)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  UPDATE public.user_totp SET enabled_at = clock_timestamp()
   WHERE user_id = p_user_id AND enabled_at IS NULL
  RETURNING true
$$;
--> statement-breakpoint
CREATE FUNCTION public.auth_totp_disable(p_user_id uuid)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  DELETE FROM public.user_totp WHERE user_id = p_user_id RETURNING true
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_totp_get(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_totp_begin(uuid, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_totp_enable(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_totp_disable(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_totp_get(uuid) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_totp_begin(uuid, text) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_totp_enable(uuid) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_totp_disable(uuid) TO palisade_auth;
--> statement-breakpoint
-- Deletes a suspended tenant and every row of it, in every table that has tenant_id (read from the
-- catalog, so tables added later are covered), plus its client users (a client belongs to one
-- tenant). Callable by the app role only for a tenant of the current scope. Tables are emptied in
-- passes: a row a foreign key still protects is retried after the rows referencing it are gone.
CREATE FUNCTION public.offboard_delete_tenant(p_tenant_id uuid)
RETURNS TABLE (table_name text, deleted bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_status public.tenant_status;
  v_tables text[];
  v_left text[];
  v_table text;
  v_count bigint;
  v_counts jsonb := '{}'::jsonb;
  v_pass integer := 0;
BEGIN
  IF NOT p_tenant_id = ANY (public.current_scope()) THEN
    RAISE EXCEPTION 'tenant % is not in the current scope', p_tenant_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT t.status INTO v_status FROM public.tenants t WHERE t.id = p_tenant_id;
  IF v_status IS NULL THEN
    RAISE EXCEPTION 'tenant % does not exist', p_tenant_id USING ERRCODE = 'no_data_found';
  END IF;
  IF v_status <> 'suspended' THEN
    RAISE EXCEPTION 'suspend the tenant before deleting it' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;

  SELECT array_agg(c.relname::text ORDER BY c.relname) INTO v_tables
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attname = 'tenant_id' AND NOT a.attisdropped;

  -- Client users of the tenant first: their memberships go with them.
  WITH gone AS (
    DELETE FROM public.users u
     WHERE u.kind = 'client'
       AND EXISTS (SELECT 1 FROM public.memberships m WHERE m.user_id = u.id AND m.tenant_id = p_tenant_id)
    RETURNING 1)
  SELECT count(*) INTO v_count FROM gone;
  v_counts := v_counts || jsonb_build_object('users', v_count);

  v_left := coalesce(v_tables, '{}');
  WHILE cardinality(v_left) > 0 LOOP
    v_pass := v_pass + 1;
    IF v_pass > cardinality(v_tables) + 1 THEN
      RAISE EXCEPTION 'could not empty tables % of tenant %', v_left, p_tenant_id;
    END IF;
    v_tables := v_left;
    v_left := '{}';
    FOREACH v_table IN ARRAY v_tables LOOP
      BEGIN
        EXECUTE format('DELETE FROM public.%I WHERE tenant_id = $1', v_table) USING p_tenant_id;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        v_counts := v_counts || jsonb_build_object(v_table, coalesce((v_counts ->> v_table)::bigint, 0) + v_count);
      EXCEPTION WHEN foreign_key_violation THEN
        v_left := v_left || v_table;
      END;
    END LOOP;
  END LOOP;

  DELETE FROM public.tenants t WHERE t.id = p_tenant_id;
  v_counts := v_counts || jsonb_build_object('tenants', 1);
  RETURN QUERY SELECT k, (v_counts ->> k)::bigint FROM jsonb_object_keys(v_counts) AS k ORDER BY k;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.offboard_delete_tenant(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.offboard_delete_tenant(uuid) TO palisade_app;
