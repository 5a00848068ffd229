-- What drizzle-kit does not emit for the SLA tables: FORCE RLS, GRANTs, and the sweeper's lookup.
ALTER TABLE public.sla_policies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sla_calendars FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sla_holidays FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sla_timers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sla_timer_firings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.sla_policies TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.sla_calendars TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.sla_holidays TO palisade_app;
--> statement-breakpoint
-- Timers are never deleted by the app (they go with their incident); firings are append-only.
GRANT SELECT, INSERT, UPDATE ON public.sla_timers TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.sla_timer_firings TO palisade_app;
--> statement-breakpoint
-- The sweeper must find overdue timers of every tenant before it can open a tenant's scope. Runs as
-- the owner and returns ids only (tenant, timer): the firing itself happens inside withTenant.
CREATE FUNCTION public.sla_due_timers(p_limit integer)
RETURNS TABLE (tenant_id uuid, timer_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT t.tenant_id, t.id FROM public.sla_timers t
   WHERE t.next_fire_at IS NOT NULL AND t.next_fire_at <= now()
   ORDER BY t.next_fire_at
   LIMIT least(greatest(p_limit, 1), 10000)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.sla_due_timers(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.sla_due_timers(integer) TO palisade_auth;
