CREATE TYPE "public"."attack_rule_field" AS ENUM('rule_name', 'source');--> statement-breakpoint
CREATE TYPE "public"."asset_criticality" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."list_kind" AS ENUM('allow', 'block', 'asset', 'vip', 'alias');--> statement-breakpoint
CREATE TYPE "public"."list_match_kind" AS ENUM('value', 'pattern', 'cidr');--> statement-breakpoint
CREATE TABLE "attack_mapping_rules" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"field" "attack_rule_field" NOT NULL,
	"pattern" text NOT NULL,
	"technique_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attack_mapping_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "attack_mapping_rules_technique_id" CHECK ("attack_mapping_rules"."technique_id" ~ '^T[0-9]{4}(\.[0-9]{3})?$')
);
--> statement-breakpoint
ALTER TABLE "attack_mapping_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "list_entries" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"list" "list_kind" NOT NULL,
	"match_kind" "list_match_kind" NOT NULL,
	"value" text NOT NULL,
	"artifact_type" text,
	"criticality" "asset_criticality",
	"reason" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'console' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "list_entries_criticality_assets_only" CHECK ("list_entries"."criticality" is null or "list_entries"."list" = 'asset')
);
--> statement-breakpoint
ALTER TABLE "list_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mssp_list_entries" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"list" "list_kind" NOT NULL,
	"match_kind" "list_match_kind" NOT NULL,
	"value" text NOT NULL,
	"artifact_type" text,
	"criticality" "asset_criticality",
	"reason" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'console' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mssp_list_entries_id_pk" PRIMARY KEY("id"),
	CONSTRAINT "mssp_list_entries_criticality_assets_only" CHECK ("mssp_list_entries"."criticality" is null or "mssp_list_entries"."list" = 'asset')
);
--> statement-breakpoint
ALTER TABLE "mssp_list_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "integration_credentials" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"provider" text NOT NULL,
	"secret" text,
	"base_url" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_credentials_tenant_id_provider_pk" PRIMARY KEY("tenant_id","provider")
);
--> statement-breakpoint
ALTER TABLE "integration_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mssp_integration_credentials" (
	"provider" text PRIMARY KEY NOT NULL,
	"secret" text,
	"base_url" text,
	"shared_with_tenants" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mssp_integration_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "provider_rate_limits" (
	"provider" text PRIMARY KEY NOT NULL,
	"capacity" double precision NOT NULL,
	"refill_per_second" double precision NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_rate_limits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reputation_cache" (
	"provider" text NOT NULL,
	"artifact_type" text NOT NULL,
	"value" text NOT NULL,
	"verdict" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reputation_cache_provider_artifact_type_value_pk" PRIMARY KEY("provider","artifact_type","value")
);
--> statement-breakpoint
ALTER TABLE "reputation_cache" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "threat_indicators" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"verdict" text DEFAULT 'malicious' NOT NULL,
	"score" integer DEFAULT 80 NOT NULL,
	"source" text NOT NULL,
	"description" text,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "threat_indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "threat_indicators_verdict" CHECK ("threat_indicators"."verdict" in ('malicious', 'suspicious', 'benign')),
	CONSTRAINT "threat_indicators_score" CHECK ("threat_indicators"."score" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "threat_indicators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "attack_mapping_rules" ADD CONSTRAINT "attack_mapping_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_credentials" ADD CONSTRAINT "integration_credentials_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_indicators" ADD CONSTRAINT "threat_indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "list_entries_natural_key" ON "list_entries" USING btree ("tenant_id","list","match_kind","value");--> statement-breakpoint
CREATE INDEX "list_entries_tenant_list_idx" ON "list_entries" USING btree ("tenant_id","list");--> statement-breakpoint
CREATE UNIQUE INDEX "mssp_list_entries_natural_key" ON "mssp_list_entries" USING btree ("list","match_kind","value");--> statement-breakpoint
CREATE INDEX "reputation_cache_expires_at_idx" ON "reputation_cache" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "threat_indicators_tenant_type_value_source_key" ON "threat_indicators" USING btree ("tenant_id","type","value","source");--> statement-breakpoint
CREATE INDEX "threat_indicators_tenant_value_idx" ON "threat_indicators" USING btree ("tenant_id","value");--> statement-breakpoint
CREATE POLICY "attack_mapping_rules_tenant_isolation" ON "attack_mapping_rules" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "list_entries_tenant_isolation" ON "list_entries" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "mssp_list_entries_any_scope" ON "mssp_list_entries" AS PERMISSIVE FOR ALL TO "palisade_app" USING (cardinality((select public.current_scope())::uuid[]) > 0) WITH CHECK (cardinality((select public.current_scope())::uuid[]) > 0);--> statement-breakpoint
CREATE POLICY "integration_credentials_tenant_isolation" ON "integration_credentials" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "mssp_integration_credentials_any_scope" ON "mssp_integration_credentials" AS PERMISSIVE FOR ALL TO "palisade_app" USING (cardinality((select public.current_scope())::uuid[]) > 0) WITH CHECK (cardinality((select public.current_scope())::uuid[]) > 0);--> statement-breakpoint
CREATE POLICY "provider_rate_limits_public_data" ON "provider_rate_limits" AS PERMISSIVE FOR ALL TO "palisade_app" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "reputation_cache_public_data" ON "reputation_cache" AS PERMISSIVE FOR ALL TO "palisade_app" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "threat_indicators_tenant_isolation" ON "threat_indicators" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));