CREATE TABLE "feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"source" text NOT NULL,
	"ticket_id" integer,
	"ask_id" integer,
	"interaction_id" uuid,
	"rating" integer,
	"comment" text,
	"class" text,
	"sentiment" real,
	"classified_by" text,
	"follow_up_ticket_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ask_id" integer NOT NULL,
	"question" text NOT NULL,
	"score" integer,
	"text" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_answers_score_range" CHECK ("survey_answers"."score" is null or "survey_answers"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "survey_asks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_asks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"person_id" integer NOT NULL,
	"ticket_id" integer,
	"ticket_version" integer,
	"resolved_at" timestamp with time zone,
	"survey_id" text,
	"place" jsonb NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"skipped" text,
	CONSTRAINT "survey_asks_csat_has_ticket" CHECK ("survey_asks"."kind" <> 'csat' or ("survey_asks"."ticket_id" is not null and "survey_asks"."ticket_version" is not null))
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "surveys_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_ask_id_survey_asks_id_fk" FOREIGN KEY ("ask_id") REFERENCES "public"."survey_asks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_follow_up_ticket_id_tickets_id_fk" FOREIGN KEY ("follow_up_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_ask_id_survey_asks_id_fk" FOREIGN KEY ("ask_id") REFERENCES "public"."survey_asks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_asks" ADD CONSTRAINT "survey_asks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_asks" ADD CONSTRAINT "survey_asks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_created" ON "feedback" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feedback_ticket" ON "feedback" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "survey_answers_ask" ON "survey_answers" USING btree ("ask_id","question","id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_asks_one_per_resolution" ON "survey_asks" USING btree ("ticket_id","ticket_version") WHERE "survey_asks"."kind" = 'csat';--> statement-breakpoint
CREATE INDEX "survey_asks_person" ON "survey_asks" USING btree ("person_id","asked_at");
--> statement-breakpoint
-- Survey answers are evidence like ticket history: appended, never rewritten; asks and feedback are kept.
CREATE TRIGGER survey_answers_append_only BEFORE UPDATE OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER survey_asks_no_delete BEFORE DELETE ON survey_asks
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
