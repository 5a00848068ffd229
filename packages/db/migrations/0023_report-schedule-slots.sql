-- The periodic-report cron runs outside any tenant scope: this lists which tenants want which
-- report (and nothing else about them), so the worker can then open each tenant's own scope.
CREATE FUNCTION public.report_schedule_slots()
RETURNS TABLE (tenant_id uuid, frequency public.report_frequency, email_recipients boolean, timezone text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.tenant_id, s.frequency, s.email_recipients, t.timezone
    FROM public.report_schedules s JOIN public.tenants t ON t.id = s.tenant_id
   WHERE t.status = 'active'
   ORDER BY s.tenant_id, s.frequency
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.report_schedule_slots() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.report_schedule_slots() TO palisade_auth;
