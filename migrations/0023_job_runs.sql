CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_completed_at" timestamp with time zone,
	"last_failed_at" timestamp with time zone,
	"last_error" text
);
