CREATE TYPE "public"."report_frequency" AS ENUM('weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('incident', 'periodic');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('queued', 'rendering', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "mssp_branding" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"mssp_name" text DEFAULT 'Palisade' NOT NULL,
	"logo" "bytea",
	"logo_mime" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mssp_branding_single_row" CHECK ("mssp_branding"."id"),
	CONSTRAINT "mssp_branding_logo_mime" CHECK ("mssp_branding"."logo_mime" is null or "mssp_branding"."logo_mime" in ('image/png', 'image/jpeg', 'image/svg+xml')),
	CONSTRAINT "mssp_branding_logo_pair" CHECK (("mssp_branding"."logo" is null) = ("mssp_branding"."logo_mime" is null)),
	CONSTRAINT "mssp_branding_name_length" CHECK (length("mssp_branding"."mssp_name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "mssp_branding" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_branding" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"logo" "bytea",
	"logo_mime" text,
	"legal_footer" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_branding_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "tenant_branding_logo_mime" CHECK ("tenant_branding"."logo_mime" is null or "tenant_branding"."logo_mime" in ('image/png', 'image/jpeg', 'image/svg+xml')),
	CONSTRAINT "tenant_branding_logo_pair" CHECK (("tenant_branding"."logo" is null) = ("tenant_branding"."logo_mime" is null)),
	CONSTRAINT "tenant_branding_footer_length" CHECK (length("tenant_branding"."legal_footer") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "tenant_branding" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_report_narratives" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"incident_id" uuid NOT NULL,
	"executive_summary" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_report_narratives_tenant_id_incident_id_pk" PRIMARY KEY("tenant_id","incident_id"),
	CONSTRAINT "incident_report_narratives_length" CHECK (length("incident_report_narratives"."executive_summary") <= 20000 and length("incident_report_narratives"."recommendations") <= 20000)
);
--> statement-breakpoint
ALTER TABLE "incident_report_narratives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_chunks" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "report_chunks_tenant_id_report_id_seq_pk" PRIMARY KEY("tenant_id","report_id","seq")
);
--> statement-breakpoint
ALTER TABLE "report_chunks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"frequency" "report_frequency" NOT NULL,
	"email_recipients" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_tenant_id_frequency_pk" PRIMARY KEY("tenant_id","frequency")
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reports" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "report_kind" NOT NULL,
	"subject" text NOT NULL,
	"version" integer NOT NULL,
	"incident_id" uuid,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"frequency" "report_frequency",
	"title" text NOT NULL,
	"status" "report_status" DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"byte_size" integer,
	"page_count" integer,
	"sha256" text,
	"email_recipients" boolean DEFAULT false NOT NULL,
	"idempotency_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reports_progress_range" CHECK ("reports"."progress" between 0 and 100),
	CONSTRAINT "reports_kind_subject" CHECK (("reports"."kind" = 'incident' and "reports"."incident_id" is not null) or ("reports"."kind" = 'periodic' and "reports"."period_start" is not null and "reports"."period_end" > "reports"."period_start"))
);
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_branding" ADD CONSTRAINT "tenant_branding_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_report_narratives" ADD CONSTRAINT "incident_report_narratives_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chunks" ADD CONSTRAINT "report_chunks_tenant_id_report_id_reports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."reports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_subject_version_key" ON "reports" USING btree ("tenant_id","subject","version");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_idempotency_key" ON "reports" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "reports_tenant_created_idx" ON "reports" USING btree ("tenant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_incident_idx" ON "reports" USING btree ("tenant_id","incident_id");--> statement-breakpoint
CREATE POLICY "mssp_branding_any_scope" ON "mssp_branding" AS PERMISSIVE FOR ALL TO "palisade_app" USING (cardinality((select public.current_scope())::uuid[]) > 0) WITH CHECK (cardinality((select public.current_scope())::uuid[]) > 0);--> statement-breakpoint
CREATE POLICY "tenant_branding_tenant_isolation" ON "tenant_branding" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_report_narratives_tenant_isolation" ON "incident_report_narratives" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "report_chunks_tenant_isolation" ON "report_chunks" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "report_schedules_tenant_isolation" ON "report_schedules" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "reports_tenant_isolation" ON "reports" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));