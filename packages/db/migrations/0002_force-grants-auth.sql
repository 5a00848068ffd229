-- What drizzle-kit does not emit: FORCE RLS, GRANTs, and the SECURITY DEFINER sign-in lookups.

-- FORCE: the table owner is filtered too. Every table in public has RLS on; tables without a
-- policy for palisade_app (mssp_admins, login_failures) are reachable only through the functions below.
ALTER TABLE public.tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mssp_admins FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.login_failures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO palisade_app, palisade_auth;
--> statement-breakpoint
-- Tenants are created (onboarding, with the new id as scope) and edited, never deleted by the app;
-- the id never changes.
GRANT SELECT, INSERT ON public.tenants TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (slug, name, aliases, timezone, status, brand_name, logo_svg, primary_color, accent_color)
  ON public.tenants TO palisade_app;
--> statement-breakpoint
-- Never the password hash, never kind (a client cannot become staff); email and password change
-- through dedicated flows later.
GRANT SELECT (id, email, name, kind, active, created_at) ON public.users TO palisade_app;
--> statement-breakpoint
GRANT INSERT ON public.users TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (name, active, password_hash) ON public.users TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.memberships TO palisade_app;
--> statement-breakpoint
-- Append-only.
GRANT SELECT, INSERT ON public.audit_log TO palisade_app;
--> statement-breakpoint
-- A membership's role must fit the user's kind. Runs as owner: the app role may not see the user yet.
CREATE FUNCTION palisade_private.check_membership_kind() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_kind public.user_kind;
BEGIN
  SELECT u.kind INTO v_kind FROM public.users u WHERE u.id = NEW.user_id;
  IF v_kind IS NULL THEN
    RETURN NEW; -- the foreign key reports the missing user
  END IF;
  IF (NEW.role = 'analyst' AND v_kind <> 'staff')
     OR (NEW.role IN ('client_admin', 'client_viewer') AND v_kind <> 'client') THEN
    RAISE EXCEPTION 'role % does not fit a % user', NEW.role, v_kind USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION palisade_private.check_membership_kind() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER memberships_check_kind BEFORE INSERT OR UPDATE OF user_id, role ON public.memberships
FOR EACH ROW EXECUTE FUNCTION palisade_private.check_membership_kind();
--> statement-breakpoint
CREATE FUNCTION palisade_private.check_mssp_admin_kind() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.users u WHERE u.id = NEW.user_id AND u.kind <> 'staff') THEN
    RAISE EXCEPTION 'only staff users can be MSSP admins' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION palisade_private.check_mssp_admin_kind() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER mssp_admins_check_kind BEFORE INSERT OR UPDATE ON public.mssp_admins
FOR EACH ROW EXECUTE FUNCTION palisade_private.check_mssp_admin_kind();
--> statement-breakpoint
-- Sign-in lookup, before any scope exists. The only reader of password_hash besides the owner.
CREATE FUNCTION public.auth_find_user_for_login(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text, kind public.user_kind, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.id, u.email, u.name, u.password_hash, u.kind, u.active
    FROM public.users u
   WHERE u.email = lower(btrim(p_email))
$$;
--> statement-breakpoint
-- Who is this user now: called on every request so deactivation and reassignment apply at once.
-- mssp_admin: every tenant; others: their memberships in active tenants.
CREATE FUNCTION public.auth_resolve_actor(p_user_id uuid)
RETURNS TABLE (user_id uuid, email text, name text, kind public.user_kind, role public.membership_role,
               tenant_ids uuid[], active boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_user public.users%ROWTYPE;
BEGIN
  SELECT * INTO v_user FROM public.users u WHERE u.id = p_user_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF v_user.kind = 'staff' AND EXISTS (SELECT 1 FROM public.mssp_admins a WHERE a.user_id = v_user.id) THEN
    RETURN QUERY SELECT v_user.id, v_user.email, v_user.name, v_user.kind, 'mssp_admin'::public.membership_role,
      coalesce((SELECT array_agg(t.id ORDER BY t.name, t.id) FROM public.tenants t), '{}'::uuid[]), v_user.active;
    RETURN;
  END IF;
  IF v_user.kind = 'staff' THEN
    RETURN QUERY SELECT v_user.id, v_user.email, v_user.name, v_user.kind, 'analyst'::public.membership_role,
      coalesce((SELECT array_agg(t.id ORDER BY t.name, t.id)
                  FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id
                 WHERE m.user_id = v_user.id AND m.role = 'analyst' AND t.status = 'active'), '{}'::uuid[]),
      v_user.active;
    RETURN;
  END IF;
  -- A client user without a membership (or whose tenant is suspended) cannot act: no row.
  RETURN QUERY SELECT v_user.id, v_user.email, v_user.name, v_user.kind, m.role, ARRAY[m.tenant_id], v_user.active
    FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id
   WHERE m.user_id = v_user.id AND t.status = 'active'
   LIMIT 1;
END
$$;
--> statement-breakpoint
-- Throttle: 5 failures per account and 20 per IP within 15 minutes. retry_after_seconds is when
-- enough failures have aged out of the window to allow one more attempt.
CREATE FUNCTION public.auth_check_login_throttle(p_email text, p_ip text)
RETURNS TABLE (allowed boolean, retry_after_seconds integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c_window CONSTANT interval := interval '15 minutes';
  c_account_limit CONSTANT integer := 5;
  c_ip_limit CONSTANT integer := 20;
  v_now timestamptz := clock_timestamp();
  v_email text := lower(btrim(p_email));
  v_count integer;
  v_free_at timestamptz;
  v_retry integer := 0;
BEGIN
  SELECT count(*) INTO v_count FROM public.login_failures f WHERE f.email = v_email AND f.at > v_now - c_window;
  IF v_count >= c_account_limit THEN
    SELECT f.at + c_window INTO v_free_at FROM public.login_failures f
     WHERE f.email = v_email AND f.at > v_now - c_window ORDER BY f.at OFFSET v_count - c_account_limit LIMIT 1;
    v_retry := greatest(v_retry, ceil(extract(epoch FROM v_free_at - v_now))::integer);
  END IF;
  SELECT count(*) INTO v_count FROM public.login_failures f WHERE f.ip = p_ip AND f.at > v_now - c_window;
  IF v_count >= c_ip_limit THEN
    SELECT f.at + c_window INTO v_free_at FROM public.login_failures f
     WHERE f.ip = p_ip AND f.at > v_now - c_window ORDER BY f.at OFFSET v_count - c_ip_limit LIMIT 1;
    v_retry := greatest(v_retry, ceil(extract(epoch FROM v_free_at - v_now))::integer);
  END IF;
  RETURN QUERY SELECT v_retry = 0, greatest(v_retry, 0);
END
$$;
--> statement-breakpoint
-- A success clears the account's failures (not the IP's); old rows are pruned on the way.
CREATE FUNCTION public.auth_record_login_attempt(p_email text, p_ip text, p_success boolean)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_success THEN
    DELETE FROM public.login_failures f WHERE f.email = lower(btrim(p_email));
  ELSE
    INSERT INTO public.login_failures (email, ip, at) VALUES (lower(btrim(p_email)), p_ip, clock_timestamp());
  END IF;
  DELETE FROM public.login_failures f WHERE f.at < clock_timestamp() - interval '1 day';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_find_user_for_login(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_resolve_actor(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_check_login_throttle(text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_record_login_attempt(text, text, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_find_user_for_login(text) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_resolve_actor(uuid) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_check_login_throttle(text, text) TO palisade_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_record_login_attempt(text, text, boolean) TO palisade_auth;
