CREATE TABLE "daemon_outputs" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"daemon_id" uuid NOT NULL,
	"run_id" uuid,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daemon_outputs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "daemon_outputs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "daemon_outputs" ADD CONSTRAINT "daemon_outputs_tenant_id_daemon_id_daemons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","daemon_id") REFERENCES "public"."daemons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daemon_outputs_daemon_idx" ON "daemon_outputs" USING btree ("tenant_id","daemon_id","created_at");--> statement-breakpoint
CREATE POLICY "daemon_outputs_tenant_isolation" ON "daemon_outputs" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));