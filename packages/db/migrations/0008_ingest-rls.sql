-- What drizzle-kit does not emit for ingestion and incidents: FORCE RLS, GRANTs, and the
-- SECURITY DEFINER key lookup the ingest API calls before any scope exists.
ALTER TABLE public.data_sources FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.data_source_api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.alert_dedup_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.artifacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.alert_artifacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_artifacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incidents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.tenant_incident_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_relations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Data sources are disabled, never deleted by the app (alerts reference them).
GRANT SELECT, INSERT ON public.data_sources TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (name, description, mapper, dedup_field, hmac_secret_ciphertext, rate_per_second, rate_burst, disabled_at)
  ON public.data_sources TO palisade_app;
--> statement-breakpoint
-- Readable (the hash of a 256-bit random key reveals nothing); after creation the hash and the
-- bucket are written only by ingest_authenticate (drizzle names every column on insert).
GRANT SELECT ON public.data_source_api_keys TO palisade_app;
--> statement-breakpoint
GRANT INSERT ON public.data_source_api_keys TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at, revoked_by_user_id) ON public.data_source_api_keys TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.alerts TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.alert_dedup_keys TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.artifacts TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.alert_artifacts TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.incident_artifacts TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.incidents TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.tenant_incident_settings TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.incident_relations TO palisade_app;
--> statement-breakpoint
-- The timeline and comments are append-only.
GRANT SELECT, INSERT ON public.incident_events TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.incident_comments TO palisade_app;
--> statement-breakpoint
-- Ingest: a bearer key (its SHA-256) → data source → tenant, and the key's token bucket, in one
-- round trip. Runs as the owner because no scope exists yet; returns nothing for an unknown key.
-- p_cost is the number of alerts in the request; tokens are taken only when all fit, only for an
-- active tenant, an enabled source and a live key. retry_after_seconds says when they would fit.
CREATE FUNCTION public.ingest_authenticate(p_key_hash text, p_cost integer)
RETURNS TABLE (status text, tenant_id uuid, data_source_id uuid, api_key_id uuid, mapper jsonb,
               dedup_field text, hmac_secret_ciphertext text, retry_after_seconds integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_key public.data_source_api_keys%ROWTYPE;
  v_source public.data_sources%ROWTYPE;
  v_tenant_status public.tenant_status;
  v_available double precision;
  v_status text := 'ok';
  v_retry integer := 0;
BEGIN
  SELECT * INTO v_key FROM public.data_source_api_keys k WHERE k.key_hash = p_key_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT * INTO v_source FROM public.data_sources s
   WHERE s.tenant_id = v_key.tenant_id AND s.id = v_key.data_source_id;
  SELECT t.status INTO v_tenant_status FROM public.tenants t WHERE t.id = v_key.tenant_id;
  IF v_key.revoked_at IS NOT NULL THEN
    v_status := 'revoked';
  ELSIF v_tenant_status <> 'active' THEN
    v_status := 'tenant_suspended';
  ELSIF v_source.disabled_at IS NOT NULL THEN
    v_status := 'source_disabled';
  ELSIF p_cost > v_source.rate_burst THEN
    v_status := 'over_burst';
  ELSE
    v_available := least(v_source.rate_burst::double precision,
      coalesce(v_key.tokens, v_source.rate_burst)
        + greatest(extract(epoch FROM v_now - coalesce(v_key.tokens_at, v_now)), 0) * v_source.rate_per_second);
    IF v_available >= p_cost THEN
      v_available := v_available - p_cost;
    ELSE
      v_status := 'rate_limited';
      v_retry := greatest(ceil((p_cost - v_available) / v_source.rate_per_second)::integer, 1);
    END IF;
    UPDATE public.data_source_api_keys k
       SET tokens = v_available, tokens_at = v_now, last_used_at = v_now
     WHERE k.tenant_id = v_key.tenant_id AND k.id = v_key.id;
  END IF;
  IF v_status <> 'ok' THEN
    -- Nothing a refused caller does not already know.
    RETURN QUERY SELECT v_status, NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb, NULL::text, NULL::text, v_retry;
    RETURN;
  END IF;
  RETURN QUERY SELECT v_status, v_key.tenant_id, v_key.data_source_id, v_key.id, v_source.mapper,
    v_source.dedup_field, v_source.hmac_secret_ciphertext, 0;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.ingest_authenticate(text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.ingest_authenticate(text, integer) TO palisade_auth;
