CREATE TABLE "article_sightings" (
	"article_id" text PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"baseline" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sla_breaches_breached" ON "sla_breaches" USING btree ("breached_at");--> statement-breakpoint
CREATE INDEX "ticket_events_kind_at" ON "ticket_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "ticket_events_at" ON "ticket_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "tickets_created" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_first_responded" ON "tickets" USING btree ("first_responded_at");--> statement-breakpoint
CREATE INDEX "tickets_open" ON "tickets" USING btree ("id") WHERE "tickets"."status" in ('new', 'in_progress', 'waiting');--> statement-breakpoint
CREATE INDEX "survey_asks_kind_asked" ON "survey_asks" USING btree ("kind","asked_at");