CREATE TABLE "queue_places" (
	"tier" "tier" PRIMARY KEY NOT NULL,
	"place" text NOT NULL,
	"set_by" integer,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "queue_places" ADD CONSTRAINT "queue_places_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;