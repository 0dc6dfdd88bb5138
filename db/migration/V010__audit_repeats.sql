-- Repeated identical events of nobody in particular (requests without a user, failed logins under
-- one name from one address) are counted on one row per minute, so that a flood cannot fill the
-- log or hide what matters in it. Such a row's repeats may go up by one at a time; nothing else of
-- any row may change, and no row may go.
ALTER TABLE audit_log ADD COLUMN repeats integer NOT NULL DEFAULT 1 CHECK (repeats >= 1);
ALTER TABLE audit_log ADD COLUMN repeat_key text;
CREATE UNIQUE INDEX audit_log_repeat_key ON audit_log (repeat_key) WHERE repeat_key IS NOT NULL;

CREATE FUNCTION audit_log_count_repeat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.repeat_key IS NOT NULL AND NEW.repeats = OLD.repeats + 1
     AND (NEW.id, NEW.at, NEW.actor, NEW.address, NEW.action, NEW.method, NEW.path, NEW.status, NEW.outcome,
          NEW.detail, NEW.repeat_key)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor, OLD.address, OLD.action, OLD.method, OLD.path, OLD.status, OLD.outcome,
          OLD.detail, OLD.repeat_key) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% of audit_log is refused: the audit log is append-only (only a repeat of an event is counted)',
    TG_OP USING ERRCODE = 'TF003';
END $$;

DROP TRIGGER audit_log_immutable ON audit_log;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_count_repeat();
GRANT UPDATE (repeats) ON audit_log TO trust_fund_app;
