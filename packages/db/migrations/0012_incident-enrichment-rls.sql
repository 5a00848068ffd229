-- What drizzle-kit does not emit for the incident enrichment tables: FORCE RLS and GRANTs.
ALTER TABLE public.artifact_enrichments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_enrichments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Upserted by the enrichment job; removed only with their artifact or incident (cascade).
GRANT SELECT, INSERT, UPDATE ON public.artifact_enrichments TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.incident_enrichments TO palisade_app;
