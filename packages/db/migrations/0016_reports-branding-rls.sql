-- What drizzle-kit does not emit for the report and branding tables: FORCE RLS and GRANTs.
ALTER TABLE public.tenant_branding FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mssp_branding FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.report_chunks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.incident_report_narratives FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.report_schedules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.tenant_branding TO palisade_app;
--> statement-breakpoint
-- MSSP-wide: any scope reads it (report covers of every tenant); only MSSP admins' procedures write it.
GRANT SELECT, INSERT, UPDATE ON public.mssp_branding TO palisade_app;
--> statement-breakpoint
-- Reports are kept (versions); a failed render's partial chunks are deleted before a retry writes them again.
GRANT SELECT, INSERT, UPDATE ON public.reports TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.report_chunks TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.incident_report_narratives TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.report_schedules TO palisade_app;
