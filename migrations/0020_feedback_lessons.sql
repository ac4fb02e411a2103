CREATE TABLE "feedback_lessons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_lessons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" text NOT NULL,
	"question" text NOT NULL,
	"normalized" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" integer
);
--> statement-breakpoint
ALTER TABLE "feedback_lessons" ADD CONSTRAINT "feedback_lessons_removed_by_people_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_lessons_open" ON "feedback_lessons" USING btree ("article_id","normalized") WHERE "feedback_lessons"."removed_at" is null;--> statement-breakpoint
-- Every 👎 given before lessons were kept becomes one, counted from its first 👎: nothing it taught is lost.
INSERT INTO "feedback_lessons" ("article_id", "question", "normalized", "created_at")
SELECT DISTINCT ON ("article_id", lower(regexp_replace(btrim("question"), '\s+', ' ', 'g')))
  "article_id", "question", lower(regexp_replace(btrim("question"), '\s+', ' ', 'g')), coalesce("feedback_at", "created_at")
FROM "interactions"
WHERE "helpful" = false AND "article_id" IS NOT NULL
ORDER BY "article_id", lower(regexp_replace(btrim("question"), '\s+', ' ', 'g')), coalesce("feedback_at", "created_at");
