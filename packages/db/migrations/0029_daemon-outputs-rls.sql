-- What drizzle-kit does not emit for daemon_outputs: FORCE RLS and GRANTs (files are written once, read, deleted with their daemon).
ALTER TABLE public.daemon_outputs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.daemon_outputs TO palisade_app;
