-- Two cross-tenant lookups the worker makes before any tenant scope exists, as SECURITY DEFINER
-- functions returning ids or counts only (the work itself happens inside withTenant).

-- The schedule tick: enabled `schedule` playbooks of active tenants. The tick reads each definition
-- (cron, timezone) inside the tenant's scope.
CREATE FUNCTION public.playbooks_scheduled()
RETURNS TABLE (tenant_id uuid, playbook_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT p.tenant_id, p.id
    FROM public.playbooks p
    JOIN public.tenants t ON t.id = p.tenant_id AND t.status = 'active'
   WHERE p.enabled AND p.trigger_type = 'schedule'
   ORDER BY p.tenant_id, p.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.playbooks_scheduled() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.playbooks_scheduled() TO palisade_auth;
--> statement-breakpoint
-- Expired payload-hash dedup claims (`hash:` keys, 24 h) are dead weight once expired: an incoming
-- alert already takes an expired claim over. Deletes at most p_limit of them, skipping rows a
-- concurrent intake holds, and says how many went; the pruning job calls it until it returns less.
CREATE FUNCTION public.alert_dedup_keys_prune_expired(p_limit integer)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  WITH doomed AS (
    SELECT d.tenant_id, d.data_source_id, d.key
      FROM public.alert_dedup_keys d
     WHERE d.expires_at IS NOT NULL AND d.expires_at <= now()
     LIMIT least(greatest(p_limit, 1), 100000)
       FOR UPDATE SKIP LOCKED
  ), gone AS (
    DELETE FROM public.alert_dedup_keys d
     USING doomed x
     WHERE d.tenant_id = x.tenant_id AND d.data_source_id = x.data_source_id AND d.key = x.key
    RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.alert_dedup_keys_prune_expired(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.alert_dedup_keys_prune_expired(integer) TO palisade_auth;
