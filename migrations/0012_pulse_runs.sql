CREATE TABLE "pulse_controls" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pulse_controls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"survey_id" text NOT NULL,
	"action" text NOT NULL,
	"by" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pulse_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"survey_id" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" integer,
	"survey" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"planned_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "survey_asks" ADD COLUMN "run_id" integer;--> statement-breakpoint
ALTER TABLE "survey_asks" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_asks" ADD COLUMN "not_delivered" text;--> statement-breakpoint
ALTER TABLE "pulse_controls" ADD CONSTRAINT "pulse_controls_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_runs" ADD CONSTRAINT "pulse_runs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_controls_survey" ON "pulse_controls" USING btree ("survey_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_runs_one_per_slot" ON "pulse_runs" USING btree ("survey_id","slot");--> statement-breakpoint
ALTER TABLE "survey_asks" ADD CONSTRAINT "survey_asks_run_id_pulse_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pulse_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_asks_one_per_run" ON "survey_asks" USING btree ("run_id","person_id") WHERE "survey_asks"."kind" = 'pulse';--> statement-breakpoint
ALTER TABLE "survey_asks" ADD CONSTRAINT "survey_asks_pulse_has_run" CHECK ("survey_asks"."kind" <> 'pulse' or "survey_asks"."run_id" is not null);--> statement-breakpoint
-- Pauses and resumes are history: kept as said. Runs are finished, never removed.
CREATE TRIGGER pulse_controls_append_only BEFORE UPDATE OR DELETE ON pulse_controls
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pulse_runs_no_delete BEFORE DELETE ON pulse_runs
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
