-- What drizzle-kit does not emit for contacts, tier 1 rules and the outbox's delivery columns: FORCE RLS and GRANTs.
ALTER TABLE public.tenant_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.mssp_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.tier1_rules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Edited in the console's contacts settings.
GRANT SELECT, INSERT, UPDATE, DELETE ON public.tenant_contacts TO palisade_app;
--> statement-breakpoint
-- MSSP-wide: who may write is the procedure's decision (MSSP admins), as no tenant owns the rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON public.mssp_contacts TO palisade_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.tier1_rules TO palisade_app;
--> statement-breakpoint
-- The delivery job records each attempt; a console retry resets a failed message to pending.
GRANT UPDATE (attempts, delivered_via, provider_message_id, last_attempt_at) ON public.outbox TO palisade_app;
