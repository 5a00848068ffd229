CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."playbook_decision_status" AS ENUM('pending', 'answered', 'timed_out', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."playbook_run_status" AS ENUM('running', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."playbook_step_run_status" AS ENUM('deferred', 'queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'recorded');--> statement-breakpoint
CREATE TABLE "outbox" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"to" text[] NOT NULL,
	"cc" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"incident_id" uuid,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_decisions" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"item_index" integer DEFAULT 0 NOT NULL,
	"prompt" text NOT NULL,
	"role" text NOT NULL,
	"choices" text[] NOT NULL,
	"status" "playbook_decision_status" DEFAULT 'pending' NOT NULL,
	"choice" text,
	"answered_by" uuid,
	"comment" text,
	"deadline_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "playbook_decisions_tenant_id_run_id_step_id_item_index_pk" PRIMARY KEY("tenant_id","run_id","step_id","item_index")
);
--> statement-breakpoint
ALTER TABLE "playbook_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_effects" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"idempotency_key" text NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"action_id" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"input" jsonb,
	"output" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_effects_tenant_id_idempotency_key_pk" PRIMARY KEY("tenant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "playbook_effects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_runs" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"playbook_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by" uuid,
	"status" "playbook_run_status" DEFAULT 'running' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"incident_id" uuid,
	"state" jsonb NOT NULL,
	"parent_run_id" uuid,
	"parent_step_id" text,
	"parent_index" integer,
	"parent_attempt" integer,
	"dedup_key" text,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "playbook_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_step_runs" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"item_index" integer DEFAULT 0 NOT NULL,
	"attempt" integer NOT NULL,
	"kind" text NOT NULL,
	"action_id" text,
	"status" "playbook_step_run_status" NOT NULL,
	"input" jsonb,
	"output" jsonb,
	"error" text,
	"idempotency_key" text,
	"command" jsonb,
	"deadline_at" timestamp with time zone,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "playbook_step_runs_tenant_id_run_id_step_id_item_index_attempt_pk" PRIMARY KEY("tenant_id","run_id","step_id","item_index","attempt")
);
--> statement-breakpoint
ALTER TABLE "playbook_step_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_templates" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_templates_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
ALTER TABLE "playbook_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbook_versions" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"playbook_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_versions_tenant_id_playbook_id_version_pk" PRIMARY KEY("tenant_id","playbook_id","version")
);
--> statement-breakpoint
ALTER TABLE "playbook_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "playbooks" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"current_version" integer NOT NULL,
	"template_id" text,
	"template_version" integer,
	"trigger_type" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbooks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "playbooks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_decisions" ADD CONSTRAINT "playbook_decisions_tenant_id_run_id_playbook_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."playbook_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_effects" ADD CONSTRAINT "playbook_effects_tenant_id_run_id_playbook_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."playbook_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_tenant_id_playbook_id_version_playbook_versions_tenant_id_playbook_id_version_fk" FOREIGN KEY ("tenant_id","playbook_id","version") REFERENCES "public"."playbook_versions"("tenant_id","playbook_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_step_runs" ADD CONSTRAINT "playbook_step_runs_tenant_id_run_id_playbook_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."playbook_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_versions" ADD CONSTRAINT "playbook_versions_tenant_id_playbook_id_playbooks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","playbook_id") REFERENCES "public"."playbooks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_tenant_key" ON "outbox" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("tenant_id","created_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "playbook_decisions_pending_idx" ON "playbook_decisions" USING btree ("tenant_id","created_at") WHERE "playbook_decisions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "playbook_effects_run_idx" ON "playbook_effects" USING btree ("tenant_id","run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_runs_dedup_key" ON "playbook_runs" USING btree ("tenant_id","dedup_key");--> statement-breakpoint
CREATE INDEX "playbook_runs_tenant_started_idx" ON "playbook_runs" USING btree ("tenant_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "playbook_runs_tenant_playbook_idx" ON "playbook_runs" USING btree ("tenant_id","playbook_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "playbook_runs_parent_idx" ON "playbook_runs" USING btree ("tenant_id","parent_run_id");--> statement-breakpoint
CREATE INDEX "playbook_step_runs_active_idx" ON "playbook_step_runs" USING btree ("tenant_id","status","queued_at") WHERE "playbook_step_runs"."status" in ('deferred', 'queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "playbooks_tenant_slug_key" ON "playbooks" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "playbooks_tenant_trigger_idx" ON "playbooks" USING btree ("tenant_id","trigger_type");--> statement-breakpoint
CREATE POLICY "outbox_tenant_isolation" ON "outbox" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbook_decisions_tenant_isolation" ON "playbook_decisions" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbook_effects_tenant_isolation" ON "playbook_effects" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbook_runs_tenant_isolation" ON "playbook_runs" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbook_step_runs_tenant_isolation" ON "playbook_step_runs" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbook_templates_read" ON "playbook_templates" AS PERMISSIVE FOR SELECT TO "palisade_app" USING (true);--> statement-breakpoint
CREATE POLICY "playbook_versions_tenant_isolation" ON "playbook_versions" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "playbooks_tenant_isolation" ON "playbooks" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));