CREATE TABLE "daemon_cursor_history" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "daemon_cursor_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"daemon_id" uuid NOT NULL,
	"value" jsonb,
	"reason" text NOT NULL,
	"run_id" uuid,
	"actor_user_id" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daemon_cursor_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "daemon_cursor_history_reason" CHECK ("daemon_cursor_history"."reason" in ('run', 'reset', 'rewind'))
);
--> statement-breakpoint
ALTER TABLE "daemon_cursor_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "daemon_cursors" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"daemon_id" uuid NOT NULL,
	"value" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daemon_cursors_tenant_id_daemon_id_pk" PRIMARY KEY("tenant_id","daemon_id")
);
--> statement-breakpoint
ALTER TABLE "daemon_cursors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "daemon_runs" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"daemon_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"fetched" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"filtered" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"lag_ms" integer,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"summary" text,
	CONSTRAINT "daemon_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "daemon_runs_status" CHECK ("daemon_runs"."status" in ('running', 'succeeded', 'failed', 'abandoned')),
	CONSTRAINT "daemon_runs_trigger" CHECK ("daemon_runs"."trigger" in ('schedule', 'manual', 'listener'))
);
--> statement-breakpoint
ALTER TABLE "daemon_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "daemons" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"yaml" text NOT NULL,
	"definition" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"schedule_kind" text NOT NULL,
	"data_source_id" uuid,
	"next_run_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"current_run_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_status" text,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daemons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "daemons_schedule_kind" CHECK ("daemons"."schedule_kind" in ('cron', 'interval', 'listen'))
);
--> statement-breakpoint
ALTER TABLE "daemons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "daemon_cursor_history" ADD CONSTRAINT "daemon_cursor_history_tenant_id_daemon_id_daemons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","daemon_id") REFERENCES "public"."daemons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daemon_cursors" ADD CONSTRAINT "daemon_cursors_tenant_id_daemon_id_daemons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","daemon_id") REFERENCES "public"."daemons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daemon_runs" ADD CONSTRAINT "daemon_runs_tenant_id_daemon_id_daemons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","daemon_id") REFERENCES "public"."daemons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daemons" ADD CONSTRAINT "daemons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daemons" ADD CONSTRAINT "daemons_tenant_id_data_source_id_data_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","data_source_id") REFERENCES "public"."data_sources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daemons" ADD CONSTRAINT "daemons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daemon_cursor_history_daemon_idx" ON "daemon_cursor_history" USING btree ("tenant_id","daemon_id","set_at");--> statement-breakpoint
CREATE INDEX "daemon_runs_daemon_started_idx" ON "daemon_runs" USING btree ("tenant_id","daemon_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "daemons_tenant_name_key" ON "daemons" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "daemons_due_idx" ON "daemons" USING btree ("next_run_at") WHERE "daemons"."enabled" and "daemons"."next_run_at" is not null;--> statement-breakpoint
CREATE POLICY "daemon_cursor_history_tenant_isolation" ON "daemon_cursor_history" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "daemon_cursors_tenant_isolation" ON "daemon_cursors" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "daemon_runs_tenant_isolation" ON "daemon_runs" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "daemons_tenant_isolation" ON "daemons" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));