CREATE TABLE "article_sightings" (
	"article_id" text PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"baseline" boolean DEFAULT false NOT NULL
);
