CREATE TYPE "public"."sla_stop_reason" AS ENUM('playbook', 'no_policy');--> statement-breakpoint
ALTER TABLE "sla_timers" ADD COLUMN "stopped_reason" "sla_stop_reason";