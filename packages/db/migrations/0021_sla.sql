CREATE TYPE "public"."sla_calendar" AS ENUM('24x7', 'business_hours');--> statement-breakpoint
CREATE TYPE "public"."sla_timer_kind" AS ENUM('assign', 'resolve');--> statement-breakpoint
CREATE TYPE "public"."sla_timer_state" AS ENUM('running', 'paused', 'met', 'stopped');--> statement-breakpoint
ALTER TYPE "public"."incident_event_kind" ADD VALUE 'sla_warning';--> statement-breakpoint
ALTER TYPE "public"."incident_event_kind" ADD VALUE 'sla_breached';--> statement-breakpoint
ALTER TYPE "public"."incident_event_kind" ADD VALUE 'sla_escalated';--> statement-breakpoint
ALTER TYPE "public"."incident_status" ADD VALUE 'waiting_on_client' BEFORE 'resolved';--> statement-breakpoint
CREATE TABLE "sla_calendars" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_calendars_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "sla_calendars" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_holidays" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "sla_holidays_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
ALTER TABLE "sla_holidays" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"severity" "severity_level" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"assign_minutes" integer,
	"resolve_minutes" integer,
	"calendar" "sla_calendar" DEFAULT '24x7' NOT NULL,
	"warning_fractions" real[] DEFAULT '{0.5,0.75,0.9}'::real[] NOT NULL,
	"escalation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_tenant_id_severity_pk" PRIMARY KEY("tenant_id","severity"),
	CONSTRAINT "sla_policies_assign_positive" CHECK ("sla_policies"."assign_minutes" is null or "sla_policies"."assign_minutes" > 0),
	CONSTRAINT "sla_policies_resolve_positive" CHECK ("sla_policies"."resolve_minutes" is null or "sla_policies"."resolve_minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "sla_policies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_timer_firings" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"timer_id" uuid NOT NULL,
	"event" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"round" integer NOT NULL,
	CONSTRAINT "sla_timer_firings_tenant_id_timer_id_round_event_pk" PRIMARY KEY("tenant_id","timer_id","round","event")
);
--> statement-breakpoint
ALTER TABLE "sla_timer_firings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_timers" (
	"tenant_id" uuid DEFAULT public.scope_tenant() NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" "sla_timer_kind" NOT NULL,
	"state" "sla_timer_state" DEFAULT 'running' NOT NULL,
	"severity" "severity_level" NOT NULL,
	"severity_override" "severity_level",
	"calendar" "sla_calendar" NOT NULL,
	"target_minutes" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_seconds" integer DEFAULT 0 NOT NULL,
	"warning_fractions" real[] NOT NULL,
	"warned_fractions" real[] DEFAULT '{}'::real[] NOT NULL,
	"escalation" jsonb NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"escalation_step" integer DEFAULT 0 NOT NULL,
	"met_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"next_fire_at" timestamp with time zone,
	"last_fired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_timers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sla_timers_target_positive" CHECK ("sla_timers"."target_minutes" > 0),
	CONSTRAINT "sla_timers_paused_nonnegative" CHECK ("sla_timers"."paused_seconds" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sla_timers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sla_calendars" ADD CONSTRAINT "sla_calendars_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_holidays" ADD CONSTRAINT "sla_holidays_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_timer_firings" ADD CONSTRAINT "sla_timer_firings_tenant_id_timer_id_sla_timers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","timer_id") REFERENCES "public"."sla_timers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_timers" ADD CONSTRAINT "sla_timers_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_timer_firings_fired_idx" ON "sla_timer_firings" USING btree ("tenant_id","fired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_timers_incident_kind_key" ON "sla_timers" USING btree ("tenant_id","incident_id","kind");--> statement-breakpoint
CREATE INDEX "sla_timers_next_fire_idx" ON "sla_timers" USING btree ("next_fire_at") WHERE "sla_timers"."next_fire_at" is not null;--> statement-breakpoint
CREATE INDEX "sla_timers_tenant_due_idx" ON "sla_timers" USING btree ("tenant_id","due_at");--> statement-breakpoint
CREATE POLICY "sla_calendars_tenant_isolation" ON "sla_calendars" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "sla_holidays_tenant_isolation" ON "sla_holidays" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "sla_policies_tenant_isolation" ON "sla_policies" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "sla_timer_firings_tenant_isolation" ON "sla_timer_firings" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));--> statement-breakpoint
CREATE POLICY "sla_timers_tenant_isolation" ON "sla_timers" AS PERMISSIVE FOR ALL TO "palisade_app" USING ("tenant_id" = any ((select public.current_scope())::uuid[])) WITH CHECK ("tenant_id" = any ((select public.current_scope())::uuid[]));