-- R22 and R13: a closed month never moves. An entry is refused when its own month is closed and
-- also when any later month is closed (it would change the balances that month closed with).
-- Posting holds, besides its period's lock, the books' closing lock (7001, 0) in shared mode;
-- closing and reopening take it exclusively, so a close waits for the postings in flight and
-- every later posting sees it.
CREATE OR REPLACE FUNCTION refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status text;
  later_closed integer;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7001, 0);
  PERFORM pg_advisory_xact_lock_shared(7001, NEW.period_id);
  SELECT status INTO period_status FROM fiscal_period WHERE id = NEW.period_id;
  IF period_status = 'CLOSED' THEN
    RAISE EXCEPTION 'period % is closed: date the entry in an open period', NEW.period_id
      USING ERRCODE = 'TF001';
  END IF;
  SELECT max(id) INTO later_closed FROM fiscal_period WHERE id > NEW.period_id AND status = 'CLOSED';
  IF later_closed IS NOT NULL THEN
    RAISE EXCEPTION 'period % is closed and % is before it: date the entry in an open period after it',
      later_closed, NEW.period_id USING ERRCODE = 'TF001';
  END IF;
  RETURN NEW;
END $$;
