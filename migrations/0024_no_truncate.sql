-- TRUNCATE skips row triggers: without these, one statement could empty what the append-only triggers
-- of 0001, 0009, 0011 and 0012 keep.
CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON ticket_events
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tickets_no_truncate BEFORE TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER people_no_truncate BEFORE TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER interactions_no_truncate BEFORE TRUNCATE ON interactions
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER outbound_messages_no_truncate BEFORE TRUNCATE ON outbound_messages
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER survey_answers_no_truncate BEFORE TRUNCATE ON survey_answers
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER survey_asks_no_truncate BEFORE TRUNCATE ON survey_asks
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER feedback_no_truncate BEFORE TRUNCATE ON feedback
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pulse_controls_no_truncate BEFORE TRUNCATE ON pulse_controls
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pulse_runs_no_truncate BEFORE TRUNCATE ON pulse_runs
  FOR EACH STATEMENT EXECUTE FUNCTION tierdesk_refuse_change();
