-- The database as a second wall (issue #18, item 7). The application no longer logs in as the
-- owner: its pool logs in as a role of its own, a member of trust_fund_app that owns nothing
-- (see ApplicationRole), so SQL that reaches its connections has trust_fund_app's grants and no
-- way back to the owner. What those grants and these triggers refuse it, and the owner too:

-- An approval's request (operation, payload, maker, time, summary) never changes; its decision
-- is taken once, from PENDING_APPROVAL to APPROVED or REJECTED. The application may write the
-- decision columns only.
REVOKE UPDATE ON approval FROM trust_fund_app;
GRANT UPDATE (status, decided_by, decided_at, decision_reason, result) ON approval TO trust_fund_app;

CREATE FUNCTION decide_approval_once() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  decision constant text[] := ARRAY['status', 'decided_by', 'decided_at', 'decision_reason', 'result'];
BEGIN
  IF to_jsonb(NEW) - decision IS DISTINCT FROM to_jsonb(OLD) - decision THEN
    RAISE EXCEPTION 'approval %: the request is immutable; only its decision is written', OLD.id
      USING ERRCODE = 'TF003';
  END IF;
  IF OLD.status <> 'PENDING_APPROVAL' THEN
    RAISE EXCEPTION 'approval % was already %: a request is decided once', OLD.id, lower(OLD.status)
      USING ERRCODE = 'TF006';
  END IF;
  IF NEW.status = 'PENDING_APPROVAL' THEN
    RAISE EXCEPTION 'approval %: a change to a pending request is its decision, APPROVED or REJECTED', OLD.id
      USING ERRCODE = 'TF006';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER approval_decided_once BEFORE UPDATE ON approval
  FOR EACH ROW EXECUTE FUNCTION decide_approval_once();

-- A posted entry gets no more lines: a line goes in only in the transaction that inserted its
-- entry (the entry row's xmin is this transaction). Posting inserts the entry and then its lines
-- in one transaction, the lines of lockLast just before COMMIT; the deferred balance check still
-- runs at COMMIT over them all. Not across a savepoint: an entry inserted in a subtransaction has
-- that subtransaction's xmin, and its lines are refused.
CREATE FUNCTION refuse_lines_of_posted_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  posted bigint;
BEGIN
  SELECT e.id INTO posted
    FROM journal_entry e
   WHERE e.id IN (SELECT entry_id FROM new_lines)
     AND e.xmin <> pg_current_xact_id()::xid
   LIMIT 1;
  IF posted IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % is posted: no line can be added to it; post a new entry', posted
      USING ERRCODE = 'TF003';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER journal_line_added_with_its_entry AFTER INSERT ON journal_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION refuse_lines_of_posted_entries();

-- The audit log is appended to, never changed (its triggers refuse the owner as well).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM trust_fund_app;
