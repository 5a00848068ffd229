CREATE TYPE "public"."alert_status" AS ENUM('received', 'processed', 'duplicate', 'failed');--> statement-breakpoint
CREATE TYPE "public"."comment_visibility" AS ENUM('internal', 'shared');--> statement-breakpoint
CREATE TYPE "public"."incident_event_kind" AS ENUM('created', 'alert_added', 'status_changed', 'assigned', 'severity_changed', 'priority_changed', 'tag_added', 'tag_removed', 'comment_added', 'related_linked');--> statement-breakpoint
CREATE TYPE "public"."incident_priority" AS ENUM('p1', 'p2', 'p3', 'p4');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('new', 'assigned', 'in_progress', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."severity_level" AS ENUM('critical', 'high', 'medium', 'low', 'info');--> statement-breakpoint
CREATE TABLE "alert_dedup_keys" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"data_source_id" uuid NOT NULL,
	"key" text NOT NULL,
	"alert_id" uuid NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "alert_dedup_keys_tenant_id_data_source_id_key_pk" PRIMARY KEY("tenant_id","data_source_id","key")
);
--> statement-breakpoint
ALTER TABLE "alert_dedup_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"data_source_id" uuid NOT NULL,
	"status" "alert_status" DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"raw" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"mapper" text,
	"title" text,
	"description" text,
	"severity" "severity_level",
	"event_time" timestamp with time zone,
	"source_vendor" text,
	"source_product" text,
	"source_alert_id" text,
	"rule_id" text,
	"rule_name" text,
	"hosts" text[],
	"users" text[],
	"normalized" jsonb,
	"incident_id" uuid,
	"duplicate_of_alert_id" uuid,
	"error" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "alerts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alert_artifacts" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"alert_id" uuid NOT NULL,
	"artifact_id" uuid NOT NULL,
	"locations" jsonb NOT NULL,
	CONSTRAINT "alert_artifacts_tenant_id_alert_id_artifact_id_pk" PRIMARY KEY("tenant_id","alert_id","artifact_id")
);
--> statement-breakpoint
ALTER TABLE "alert_artifacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "artifacts" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"alert_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "artifacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "artifacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_artifacts" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"incident_id" uuid NOT NULL,
	"artifact_id" uuid NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_artifacts_tenant_id_incident_id_artifact_id_pk" PRIMARY KEY("tenant_id","incident_id","artifact_id")
);
--> statement-breakpoint
ALTER TABLE "incident_artifacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_source_api_keys" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"data_source_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"tokens" double precision,
	"tokens_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_source_api_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "data_source_api_keys_hash_format" CHECK ("data_source_api_keys"."key_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "data_source_api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_sources" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"mapper" jsonb DEFAULT '{"kind":"auto"}'::jsonb NOT NULL,
	"dedup_field" text,
	"hmac_secret_ciphertext" text,
	"rate_per_second" integer DEFAULT 1000 NOT NULL,
	"rate_burst" integer DEFAULT 5000 NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "data_sources_rate_positive" CHECK ("data_sources"."rate_per_second" > 0),
	CONSTRAINT "data_sources_burst_fits_batch" CHECK ("data_sources"."rate_burst" >= 1000)
);
--> statement-breakpoint
ALTER TABLE "data_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_comments" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"visibility" "comment_visibility" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "incident_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_events" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" "incident_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"data" jsonb NOT NULL,
	"client_visible" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "incident_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_relations" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"incident_id" uuid NOT NULL,
	"related_incident_id" uuid NOT NULL,
	"shared_artifact_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_relations_tenant_id_incident_id_related_incident_id_pk" PRIMARY KEY("tenant_id","incident_id","related_incident_id"),
	CONSTRAINT "incident_relations_not_self" CHECK ("incident_relations"."incident_id" <> "incident_relations"."related_incident_id")
);
--> statement-breakpoint
ALTER TABLE "incident_relations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incidents" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "incident_status" DEFAULT 'new' NOT NULL,
	"severity" "severity_level" NOT NULL,
	"priority" "incident_priority" NOT NULL,
	"assignee_user_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"group_key" text,
	"rule_name" text,
	"data_source_id" uuid,
	"source_product" text,
	"alert_count" integer DEFAULT 0 NOT NULL,
	"first_alert_at" timestamp with time zone NOT NULL,
	"last_alert_at" timestamp with time zone NOT NULL,
	"search_terms" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "incidents"."title" || ' ' || "incidents"."search_terms")) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "incidents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "incidents_number_positive" CHECK ("incidents"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_incident_settings" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"last_incident_number" integer DEFAULT 0 NOT NULL,
	"grouping_fields" text[] DEFAULT '{rule,host}'::text[] NOT NULL,
	"grouping_window_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_incident_settings_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "tenant_incident_settings_window" CHECK ("tenant_incident_settings"."grouping_window_minutes" between 1 and 10080),
	CONSTRAINT "tenant_incident_settings_fields" CHECK ("tenant_incident_settings"."grouping_fields" <@ '{rule,host,source,user,title}'::text[])
);
--> statement-breakpoint
ALTER TABLE "tenant_incident_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_dedup_keys" ADD CONSTRAINT "alert_dedup_keys_tenant_id_data_source_id_data_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","data_source_id") REFERENCES "public"."data_sources"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_tenant_id_data_source_id_data_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","data_source_id") REFERENCES "public"."data_sources"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_artifacts" ADD CONSTRAINT "alert_artifacts_tenant_id_alert_id_alerts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","alert_id") REFERENCES "public"."alerts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_artifacts" ADD CONSTRAINT "alert_artifacts_tenant_id_artifact_id_artifacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","artifact_id") REFERENCES "public"."artifacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_artifacts" ADD CONSTRAINT "incident_artifacts_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_artifacts" ADD CONSTRAINT "incident_artifacts_tenant_id_artifact_id_artifacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","artifact_id") REFERENCES "public"."artifacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_api_keys" ADD CONSTRAINT "data_source_api_keys_tenant_id_data_source_id_data_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","data_source_id") REFERENCES "public"."data_sources"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_api_keys" ADD CONSTRAINT "data_source_api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_api_keys" ADD CONSTRAINT "data_source_api_keys_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_comments" ADD CONSTRAINT "incident_comments_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_comments" ADD CONSTRAINT "incident_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_tenant_id_related_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","related_incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_tenant_id_data_source_id_data_sources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","data_source_id") REFERENCES "public"."data_sources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_incident_settings" ADD CONSTRAINT "tenant_incident_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_dedup_keys_expiry_idx" ON "alert_dedup_keys" USING btree ("tenant_id","expires_at") WHERE "alert_dedup_keys"."expires_at" is not null;--> statement-breakpoint
CREATE INDEX "alerts_tenant_incident_idx" ON "alerts" USING btree ("tenant_id","incident_id");--> statement-breakpoint
CREATE INDEX "alerts_tenant_received_idx" ON "alerts" USING btree ("tenant_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "alerts_received_backlog_idx" ON "alerts" USING btree ("tenant_id","received_at") WHERE "alerts"."status" = 'received';--> statement-breakpoint
CREATE INDEX "alert_artifacts_artifact_idx" ON "alert_artifacts" USING btree ("tenant_id","artifact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "artifacts_tenant_type_value_key" ON "artifacts" USING btree ("tenant_id","type","value");--> statement-breakpoint
CREATE INDEX "artifacts_type_value_idx" ON "artifacts" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "artifacts_tenant_last_seen_idx" ON "artifacts" USING btree ("tenant_id","last_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incident_artifacts_artifact_idx" ON "incident_artifacts" USING btree ("tenant_id","artifact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_source_api_keys_key_hash_key" ON "data_source_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "data_source_api_keys_source_idx" ON "data_source_api_keys" USING btree ("tenant_id","data_source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_sources_tenant_name_key" ON "data_sources" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "incident_comments_incident_idx" ON "incident_comments" USING btree ("tenant_id","incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incident_events" USING btree ("tenant_id","incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_tenant_number_key" ON "incidents" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "incidents_group_idx" ON "incidents" USING btree ("tenant_id","group_key","last_alert_at" DESC NULLS LAST) WHERE "incidents"."status" in ('new', 'assigned', 'in_progress');--> statement-breakpoint
CREATE INDEX "incidents_tenant_last_alert_idx" ON "incidents" USING btree ("tenant_id","last_alert_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_last_alert_idx" ON "incidents" USING btree ("last_alert_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_created_idx" ON "incidents" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_tenant_status_idx" ON "incidents" USING btree ("tenant_id","status","last_alert_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_assignee_idx" ON "incidents" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents" USING gin ("search");--> statement-breakpoint
CREATE POLICY "alert_dedup_keys_tenant_isolation" ON "alert_dedup_keys" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "alerts_tenant_isolation" ON "alerts" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "alert_artifacts_tenant_isolation" ON "alert_artifacts" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "artifacts_tenant_isolation" ON "artifacts" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_artifacts_tenant_isolation" ON "incident_artifacts" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "data_source_api_keys_tenant_isolation" ON "data_source_api_keys" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "data_sources_tenant_isolation" ON "data_sources" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_comments_tenant_isolation" ON "incident_comments" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_events_tenant_isolation" ON "incident_events" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_relations_tenant_isolation" ON "incident_relations" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incidents_tenant_isolation" ON "incidents" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "tenant_incident_settings_tenant_isolation" ON "tenant_incident_settings" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));