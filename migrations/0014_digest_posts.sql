CREATE TABLE "desk_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digest_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"week" text NOT NULL,
	"place" text NOT NULL,
	"status" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone,
	"posted" jsonb,
	"problem" text,
	CONSTRAINT "digest_posts_week_shape" CHECK ("digest_posts"."week" ~ '^[0-9]{4}-W[0-9]{2}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "digest_posts_once_per_week" ON "digest_posts" USING btree ("week","place");