ALTER TABLE "playbook_runs" ADD COLUMN "generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playbook_step_runs" ADD COLUMN "generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playbook_step_runs" DROP CONSTRAINT "playbook_step_runs_tenant_id_run_id_step_id_item_index_attempt_pk";--> statement-breakpoint
ALTER TABLE "playbook_step_runs" ADD CONSTRAINT "playbook_step_runs_tenant_id_run_id_step_id_item_index_generation_attempt_pk" PRIMARY KEY("tenant_id","run_id","step_id","item_index","generation","attempt");
