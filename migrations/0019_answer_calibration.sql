CREATE TABLE "answer_calibrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "answer_calibrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"method" text NOT NULL,
	"reason" text NOT NULL,
	"kind" text NOT NULL,
	"weights" real[] NOT NULL,
	"offset" real NOT NULL,
	"threshold" real NOT NULL,
	"max_wrong_rate" real NOT NULL,
	"outcomes" integer NOT NULL,
	"expected" jsonb NOT NULL,
	"shipped" jsonb NOT NULL,
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "features" real[];--> statement-breakpoint
ALTER TABLE "answer_calibrations" ADD CONSTRAINT "answer_calibrations_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;