CREATE TYPE "public"."membership_role" AS ENUM('mssp_admin', 'analyst', 'client_admin', 'client_viewer');--> statement-breakpoint
CREATE TYPE "public"."tenant_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."user_kind" AS ENUM('staff', 'client');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id"),
	CONSTRAINT "memberships_role_per_tenant" CHECK ("memberships"."role" <> 'mssp_admin')
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mssp_admins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mssp_admins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"status" "tenant_status" DEFAULT 'active' NOT NULL,
	"brand_name" text,
	"logo_svg" text,
	"primary_color" text DEFAULT '#1d4ed8' NOT NULL,
	"accent_color" text DEFAULT '#0ea5e9' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_unique" UNIQUE("slug"),
	CONSTRAINT "tenants_slug_format" CHECK ("tenants"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "tenants_primary_color_hex" CHECK ("tenants"."primary_color" ~ '^#[0-9a-fA-F]{6}$'),
	CONSTRAINT "tenants_accent_color_hex" CHECK ("tenants"."accent_color" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"kind" "user_kind" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mssp_admins" ADD CONSTRAINT "mssp_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at_idx" ON "audit_log" USING btree ("tenant_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "login_failures_email_at_idx" ON "login_failures" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_failures_ip_at_idx" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_tenant_per_client" ON "memberships" USING btree ("user_id") WHERE "memberships"."role" in ('client_admin', 'client_viewer');--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "audit_log_tenant_isolation" ON "audit_log" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "tenants_in_scope" ON "tenants" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "users_visible_in_scope" ON "users" AS PERMISSIVE FOR SELECT TO "palisade_app" USING (exists (select 1 from public.memberships m where m.user_id = "users"."id" and m.tenant_id = any ((select public.current_scope())::uuid[])));--> statement-breakpoint
CREATE POLICY "users_update_in_scope" ON "users" AS PERMISSIVE FOR UPDATE TO "palisade_app" USING (exists (select 1 from public.memberships m where m.user_id = "users"."id" and m.tenant_id = any ((select public.current_scope())::uuid[]))) WITH CHECK (exists (select 1 from public.memberships m where m.user_id = "users"."id" and m.tenant_id = any ((select public.current_scope())::uuid[])));--> statement-breakpoint
CREATE POLICY "users_insert_with_scope" ON "users" AS PERMISSIVE FOR INSERT TO "palisade_app" WITH CHECK (cardinality((select public.current_scope())::uuid[]) > 0);