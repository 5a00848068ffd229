-- What drizzle-kit does not emit for the enrichment tables: FORCE RLS and GRANTs.
ALTER TABLE public.reputation_cache FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.provider_rate_limits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.integration_credentials FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mssp_integration_credentials FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.threat_indicators FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.list_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mssp_list_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.attack_mapping_rules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Public reputation: written by the worker outside any scope; old rows are deleted by expiry sweeps.
GRANT SELECT, INSERT, UPDATE, DELETE ON public.reputation_cache TO palisade_app;
--> statement-breakpoint
-- Buckets are created on first use and then only updated.
GRANT SELECT, INSERT, UPDATE ON public.provider_rate_limits TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.integration_credentials TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.mssp_integration_credentials TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.threat_indicators TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.list_entries TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.mssp_list_entries TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.attack_mapping_rules TO palisade_app;
