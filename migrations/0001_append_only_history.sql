-- History is evidence: ticket events can only be appended, and tickets, people and questions are
-- archived rather than deleted. Enforced here so no code path (or hand-run SQL) can quietly rewrite it.
CREATE FUNCTION tierdesk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: history is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER people_no_delete BEFORE DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER interactions_no_delete BEFORE DELETE ON interactions
  FOR EACH ROW EXECUTE FUNCTION tierdesk_refuse_change();
