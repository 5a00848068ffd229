CREATE TABLE "artifact_enrichments" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"artifact_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"score" integer NOT NULL,
	"outcomes" jsonb NOT NULL,
	"lists" jsonb NOT NULL,
	"enriched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artifact_enrichments_tenant_id_artifact_id_pk" PRIMARY KEY("tenant_id","artifact_id"),
	CONSTRAINT "artifact_enrichments_verdict" CHECK ("artifact_enrichments"."verdict" in ('malicious', 'suspicious', 'benign', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "artifact_enrichments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_enrichments" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"incident_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"techniques" jsonb NOT NULL,
	"priority_delta" integer DEFAULT 0 NOT NULL,
	"enriched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_enrichments_tenant_id_incident_id_pk" PRIMARY KEY("tenant_id","incident_id")
);
--> statement-breakpoint
ALTER TABLE "incident_enrichments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "artifact_enrichments" ADD CONSTRAINT "artifact_enrichments_tenant_id_artifact_id_artifacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","artifact_id") REFERENCES "public"."artifacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_enrichments" ADD CONSTRAINT "incident_enrichments_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "artifact_enrichments_tenant_isolation" ON "artifact_enrichments" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "incident_enrichments_tenant_isolation" ON "incident_enrichments" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));