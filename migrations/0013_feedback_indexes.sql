CREATE INDEX "feedback_follow_up" ON "feedback" USING btree ("follow_up_ticket_id");--> statement-breakpoint
CREATE INDEX "feedback_class_created" ON "feedback" USING btree ("class","created_at");