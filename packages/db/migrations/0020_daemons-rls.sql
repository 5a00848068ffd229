-- What drizzle-kit does not emit for the daemon tables: FORCE RLS, GRANTs, and the two functions the
-- scheduler and the listener service call before any tenant scope exists.
ALTER TABLE public.daemons FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.daemon_cursors FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.daemon_cursor_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.daemon_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.daemons TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.daemon_cursors TO palisade_app;
--> statement-breakpoint
-- The cursor history is append-only (rows go with their daemon).
GRANT SELECT, INSERT ON public.daemon_cursor_history TO palisade_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE public.daemon_cursor_history_id_seq TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.daemon_runs TO palisade_app;
--> statement-breakpoint
-- The scheduler's claim across tenants: due, enabled, not leased daemons of active tenants, oldest
-- due first, at most p_tenant_cap running per tenant (counting leases already held), locked with
-- SKIP LOCKED so concurrent ticks claim disjoint daemons. Each claimed daemon gets a lease owned by
-- p_owner; only that owner may commit its batches (see the runner), so two runs never overlap.
CREATE FUNCTION public.daemons_claim_due(p_owner text, p_limit integer, p_lease_seconds integer, p_tenant_cap integer)
RETURNS TABLE (tenant_id uuid, daemon_id uuid, due_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  WITH locked AS (
    SELECT d.tenant_id, d.id, d.next_run_at
      FROM public.daemons d
     WHERE d.enabled AND d.schedule_kind <> 'listen'
       AND d.next_run_at <= clock_timestamp()
       AND (d.lease_until IS NULL OR d.lease_until < clock_timestamp())
       AND EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = d.tenant_id AND t.status = 'active')
     ORDER BY d.next_run_at, d.id
     LIMIT p_limit * 4
       FOR UPDATE OF d SKIP LOCKED
  ),
  ranked AS (
    SELECT l.tenant_id, l.id, l.next_run_at,
           row_number() OVER (PARTITION BY l.tenant_id ORDER BY l.next_run_at, l.id) AS rn,
           (SELECT count(*) FROM public.daemons r
             WHERE r.tenant_id = l.tenant_id AND r.lease_until >= clock_timestamp()) AS busy
      FROM locked l
  ),
  chosen AS (
    SELECT r.tenant_id, r.id, r.next_run_at FROM ranked r
     WHERE r.rn + r.busy <= p_tenant_cap
     ORDER BY r.next_run_at, r.id
     LIMIT p_limit
  )
  UPDATE public.daemons d
     SET lease_until = clock_timestamp() + make_interval(secs => p_lease_seconds), lease_owner = p_owner
    FROM chosen c
   WHERE d.tenant_id = c.tenant_id AND d.id = c.id
  RETURNING d.tenant_id, d.id, c.next_run_at
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.daemons_claim_due(text, integer, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.daemons_claim_due(text, integer, integer, integer) TO palisade_auth;
--> statement-breakpoint
-- The listener daemons the worker should be running: enabled, of an active tenant. `version` changes
-- on every edit, so the service restarts a listener whose definition changed.
CREATE FUNCTION public.daemons_listeners()
RETURNS TABLE (tenant_id uuid, daemon_id uuid, kind text, version integer)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT d.tenant_id, d.id, d.kind, d.version
    FROM public.daemons d
    JOIN public.tenants t ON t.id = d.tenant_id AND t.status = 'active'
   WHERE d.enabled AND d.schedule_kind = 'listen'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.daemons_listeners() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.daemons_listeners() TO palisade_auth;
