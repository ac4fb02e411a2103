CREATE TABLE "outbound_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbound_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"delivery_key" text NOT NULL,
	"platform" text NOT NULL,
	"target" jsonb NOT NULL,
	"edit_of" text,
	"message" jsonb NOT NULL,
	"what" text NOT NULL,
	"about" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text,
	"may_have_gone_out" boolean DEFAULT false NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"posted" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"given_up_at" timestamp with time zone,
	CONSTRAINT "outbound_messages_attempts_positive" CHECK ("outbound_messages"."attempts" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_messages_key" ON "outbound_messages" USING btree ("delivery_key");--> statement-breakpoint
CREATE INDEX "outbound_messages_due" ON "outbound_messages" USING btree ("next_attempt_at") WHERE "outbound_messages"."sent_at" is null and "outbound_messages"."given_up_at" is null;--> statement-breakpoint
CREATE INDEX "outbound_messages_edits" ON "outbound_messages" USING btree ("platform","edit_of") WHERE "outbound_messages"."edit_of" is not null and "outbound_messages"."sent_at" is null and "outbound_messages"."given_up_at" is null;--> statement-breakpoint
-- Kept after they went out or were given up: what could not be delivered, and when, is evidence too.
CREATE TRIGGER outbound_messages_no_delete BEFORE DELETE ON outbound_messages
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
