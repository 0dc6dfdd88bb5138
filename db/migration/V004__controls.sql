-- Controls: the audit log and the tamper-evident chain over posted entries and period closes.

-- Who did what, when and from where: every write, approval, rejection, failed login and
-- statement or report downloaded. Append-only.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor       text NOT NULL,
  address     text,
  action      text NOT NULL,
  method      text,
  path        text,
  status      integer,
  outcome     text NOT NULL CHECK (outcome IN ('DONE', 'REFUSED', 'FAILED')),
  detail      text
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The trial-balance hash of a closed period, kept with the close itself (the period's own
-- column is cleared when it reopens).
ALTER TABLE period_event ADD COLUMN trial_balance_hash text;

-- The chain: each posted entry and each period close, in the order one writer saw them
-- committed; chain_hash = SHA-256(previous chain_hash || content_hash).
CREATE TABLE chain_link (
  seq           bigint PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('ENTRY', 'PERIOD_CLOSE')),
  entry_id      bigint UNIQUE REFERENCES journal_entry,
  event_id      bigint UNIQUE REFERENCES period_event,
  content_hash  text NOT NULL,
  chain_hash    text NOT NULL,
  chained_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'ENTRY') = (entry_id IS NOT NULL)),
  CHECK ((kind = 'PERIOD_CLOSE') = (event_id IS NOT NULL))
);
CREATE TRIGGER chain_link_immutable BEFORE UPDATE OR DELETE ON chain_link
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON audit_log, chain_link TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
