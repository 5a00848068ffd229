-- What drizzle-kit does not emit for the playbook tables and the email outbox: FORCE RLS and GRANTs.
ALTER TABLE public.playbook_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbooks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbook_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbook_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbook_step_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbook_effects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.playbook_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- MSSP-wide templates hold no tenant data: readable by every tenant, written by the owner only (seed).
GRANT SELECT ON public.playbook_templates TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.playbooks TO palisade_app;
--> statement-breakpoint
-- Versions are immutable: a save or a rollback inserts a new one.
GRANT SELECT, INSERT ON public.playbook_versions TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.playbook_runs TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.playbook_step_runs TO palisade_app;
--> statement-breakpoint
-- Effects are facts: once recorded, never changed or removed by the app.
GRANT SELECT, INSERT ON public.playbook_effects TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.playbook_decisions TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.outbox TO palisade_app;
--> statement-breakpoint
GRANT UPDATE (status, error, sent_at) ON public.outbox TO palisade_app;
