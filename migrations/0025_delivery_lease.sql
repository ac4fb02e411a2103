ALTER TABLE "deliveries" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "opened_by_delivery" text;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_opened_by_delivery" ON "tickets" USING btree ("opened_by_delivery");--> statement-breakpoint
-- Deliveries claimed before this column existed were handled (or released): none of them is in flight.
UPDATE "deliveries" SET "handled_at" = "received_at" WHERE "released_at" IS NULL;
