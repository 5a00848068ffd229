CREATE TYPE "public"."contact_kind" AS ENUM('primary', 'escalation', 'report_recipient');--> statement-breakpoint
CREATE TYPE "public"."mssp_contact_kind" AS ENUM('soc_management');--> statement-breakpoint
CREATE TYPE "public"."outbox_delivered_via" AS ENUM('resend', 'outbox');--> statement-breakpoint
CREATE TABLE "mssp_contacts" (
	"kind" "mssp_contact_kind" NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"position" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mssp_contacts_id_pk" PRIMARY KEY("id"),
	CONSTRAINT "mssp_contacts_email_lower" CHECK ("mssp_contacts"."email" = lower("mssp_contacts"."email"))
);
--> statement-breakpoint
ALTER TABLE "mssp_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_contacts" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"position" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tenant_contacts_email_lower" CHECK ("tenant_contacts"."email" = lower("tenant_contacts"."email"))
);
--> statement-breakpoint
ALTER TABLE "tenant_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tier1_rules" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"severities" "severity_level"[] DEFAULT '{critical,high}'::severity_level[] NOT NULL,
	"artifact_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier1_rules_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "tier1_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" text DEFAULT 'playbook' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivered_via" "outbox_delivered_via";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenant_contacts" ADD CONSTRAINT "tenant_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier1_rules" ADD CONSTRAINT "tier1_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mssp_contacts_kind_email_key" ON "mssp_contacts" USING btree ("kind","email");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_contacts_kind_email_key" ON "tenant_contacts" USING btree ("tenant_id","kind","email");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_contacts_one_primary" ON "tenant_contacts" USING btree ("tenant_id") WHERE "tenant_contacts"."kind" = 'primary';--> statement-breakpoint
CREATE INDEX "outbox_tenant_created_idx" ON "outbox" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "mssp_contacts_any_scope" ON "mssp_contacts" AS PERMISSIVE FOR ALL TO "palisade_app" USING (cardinality((select public.current_scope())::uuid[]) > 0) WITH CHECK (cardinality((select public.current_scope())::uuid[]) > 0);--> statement-breakpoint
CREATE POLICY "tenant_contacts_tenant_isolation" ON "tenant_contacts" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "tier1_rules_tenant_isolation" ON "tier1_rules" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));