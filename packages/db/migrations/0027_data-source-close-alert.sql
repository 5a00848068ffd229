ALTER TYPE "public"."incident_event_kind" ADD VALUE 'source_alert_close';--> statement-breakpoint
ALTER TABLE "data_sources" ADD COLUMN "close_alert_target" text;--> statement-breakpoint
ALTER TABLE "data_sources" ADD COLUMN "close_alert_url" text;--> statement-breakpoint
ALTER TABLE "data_sources" ADD COLUMN "close_alert_credential" text;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_close_alert" CHECK (("data_sources"."close_alert_target" is null and "data_sources"."close_alert_url" is null) or ("data_sources"."close_alert_target" in ('splunk_es', 'elastic', 'webhook') and "data_sources"."close_alert_url" is not null));