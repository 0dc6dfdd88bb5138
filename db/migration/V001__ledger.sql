-- The ledger core: fund, chart of accounts, monthly periods, journal, balances,
-- approvals (maker-checker), idempotency keys and users.
-- Money is numeric, never float: USD to the cent, original currencies to 4 places.

-- The application migrates as the owner and works as trust_fund_app (SET ROLE on every
-- connection), which may insert into the journal but never update or delete it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trust_fund_app') THEN
    CREATE ROLE trust_fund_app NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'trust_fund_app', 'MEMBER') THEN
    EXECUTE format('GRANT trust_fund_app TO %I', current_user);
  END IF;
END $$;

CREATE TABLE fund (
  id                     smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name                   text NOT NULL,
  functional_currency    char(3) NOT NULL DEFAULT 'USD',
  psc_rate               numeric(6,4) NOT NULL DEFAULT 0.13 CHECK (psc_rate BETWEEN 0 AND 1),
  reserve_rate           numeric(6,4) NOT NULL DEFAULT 0.15 CHECK (reserve_rate BETWEEN 0 AND 1),
  bank_charge_tolerance  numeric(20,2) NOT NULL DEFAULT 100.00 CHECK (bank_charge_tolerance >= 0),
  group_term_ends_on     date NOT NULL DEFAULT '2006-12-31'
);
INSERT INTO fund (name) VALUES ('Trust Fund for the Alliance of Civilizations');

CREATE TABLE account (
  id          integer PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'),
  name        text NOT NULL,
  type        text NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'NET_ASSETS', 'REVENUE', 'EXPENSE')),
  contra      boolean NOT NULL DEFAULT false,
  -- the currency a foreign-currency bank account is kept in; null for all others
  currency    char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  -- USD balance, debit positive; kept by the journal_line trigger below
  balance_usd numeric(20,2) NOT NULL DEFAULT 0,
  -- number of lines ever posted to the account; each line carries the version it made
  version     bigint NOT NULL DEFAULT 0
);

INSERT INTO account (id, code, name, type, contra, currency) VALUES
  (1010, '1010', 'Cash — USD bank account', 'ASSET', false, 'USD'),
  (1011, '1011', 'Cash — EUR bank account', 'ASSET', false, 'EUR'),
  (1210, '1210', 'Contributions receivable — current', 'ASSET', false, null),
  (1220, '1220', 'Contributions receivable — non-current', 'ASSET', false, null),
  (1290, '1290', 'Allowance for doubtful contributions', 'ASSET', true, null),
  (2110, '2110', 'Refunds payable to contributors', 'LIABILITY', false, null),
  (2150, '2150', 'Programme support cost payable', 'LIABILITY', false, null),
  (2190, '2190', 'Unapplied receipts', 'LIABILITY', false, null),
  (2300, '2300', 'Conditional contributions received in advance', 'LIABILITY', false, null),
  (3100, '3100', 'Accumulated surplus', 'NET_ASSETS', false, null),
  (3200, '3200', 'Operating cash reserve', 'NET_ASSETS', false, null),
  (4100, '4100', 'Voluntary contributions', 'REVENUE', false, null),
  (4190, '4190', 'Refunds to contributors', 'REVENUE', true, null),
  (4500, '4500', 'Interest income', 'REVENUE', false, null),
  (5100, '5100', 'Staff costs', 'EXPENSE', false, null),
  (5200, '5200', 'Travel', 'EXPENSE', false, null),
  (5300, '5300', 'Contractual services', 'EXPENSE', false, null),
  (5400, '5400', 'Meetings of the High-Level Group', 'EXPENSE', false, null),
  (5500, '5500', 'General operating expenses', 'EXPENSE', false, null),
  (5900, '5900', 'Programme support cost', 'EXPENSE', false, null),
  (6200, '6200', 'Bank charges', 'EXPENSE', false, null),
  (6500, '6500', 'Impairment of contributions receivable', 'EXPENSE', false, null),
  (7810, '7810', 'Realised exchange gains and losses', 'REVENUE', false, null),
  (7820, '7820', 'Unrealised exchange gains and losses', 'REVENUE', false, null);

-- Monthly fiscal periods; id is yyyymm (200603 = March 2006).
CREATE TABLE fiscal_period (
  id                  integer PRIMARY KEY,
  starts_on           date NOT NULL UNIQUE,
  ends_on             date NOT NULL,
  status              text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
  closed_at           timestamptz,
  closed_by           text,
  trial_balance_hash  text,
  CHECK (id = extract(year FROM starts_on)::int * 100 + extract(month FROM starts_on)::int),
  CHECK (ends_on = (starts_on + interval '1 month' - interval '1 day')::date)
);
INSERT INTO fiscal_period (id, starts_on, ends_on)
SELECT extract(year FROM d)::int * 100 + extract(month FROM d)::int, d::date,
       (d + interval '1 month' - interval '1 day')::date
FROM generate_series('2000-01-01'::date, '2099-12-01'::date, interval '1 month') AS d;

-- Every close and reopen, with who and why; append-only.
CREATE TABLE period_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period_id   integer NOT NULL REFERENCES fiscal_period,
  action      text NOT NULL CHECK (action IN ('CLOSE', 'REOPEN')),
  done_by     text NOT NULL,
  approved_by text,
  reason      text,
  done_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (action = 'CLOSE' OR (reason IS NOT NULL AND approved_by IS NOT NULL)),
  CHECK (approved_by IS NULL OR approved_by <> done_by)
);

CREATE TABLE app_user (
  username       text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{1,64}$'),
  password_hash  text NOT NULL,
  enabled        boolean NOT NULL DEFAULT true,
  -- the contributor a CO_SPONSOR or DONOR speaks for
  contributor    text,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
  username  text NOT NULL REFERENCES app_user ON DELETE CASCADE,
  role      text NOT NULL CHECK (role IN ('FINANCE_OFFICER', 'APPROVER', 'CO_SPONSOR', 'DONOR',
                                          'AUDITOR', 'REPORT_AUTHOR', 'ADMIN')),
  PRIMARY KEY (username, role)
);

-- Controlled operations (maker-checker): they wait here until another user approves them.
CREATE TABLE approval (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  operation       text NOT NULL,
  payload         jsonb NOT NULL,
  payload_hash    text NOT NULL,
  summary         text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING_APPROVAL'
                  CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
  requested_by    text NOT NULL REFERENCES app_user,
  requested_at    timestamptz NOT NULL DEFAULT now(),
  decided_by      text REFERENCES app_user,
  decided_at      timestamptz,
  decision_reason text,
  result          jsonb,
  -- UN financial rule 105.6: the approving officer is never the certifying officer
  CONSTRAINT approval_maker_is_not_checker CHECK (decided_by <> requested_by),
  CHECK ((status = 'PENDING_APPROVAL') = (decided_by IS NULL)),
  CHECK ((status = 'PENDING_APPROVAL') = (decided_at IS NULL))
);
-- an identical request may wait only once
CREATE UNIQUE INDEX approval_identical_pending ON approval (operation, payload_hash)
  WHERE status = 'PENDING_APPROVAL';
CREATE INDEX approval_status ON approval (status, id);

CREATE TABLE journal_entry (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_date   date NOT NULL,
  period_id    integer NOT NULL REFERENCES fiscal_period,
  type         text NOT NULL CHECK (type ~ '^[A-Z_]{1,40}$'),
  description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  reverses_id  bigint UNIQUE REFERENCES journal_entry,
  created_by   text NOT NULL,
  approved_by  text,
  approval_id  bigint UNIQUE REFERENCES approval,
  posted_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (id, entry_date, period_id),
  CHECK (period_id = extract(year FROM entry_date)::int * 100 + extract(month FROM entry_date)::int),
  CONSTRAINT journal_entry_maker_is_not_checker CHECK (approved_by <> created_by),
  CHECK ((type = 'REVERSAL') = (reverses_id IS NOT NULL)),
  CHECK (reverses_id <> id)
);
CREATE INDEX journal_entry_date ON journal_entry (entry_date, id);
CREATE INDEX journal_entry_type ON journal_entry (type, entry_date);

CREATE TABLE journal_line (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id         bigint NOT NULL,
  line_no          smallint NOT NULL CHECK (line_no >= 1),
  account_id       integer NOT NULL REFERENCES account,
  entry_date       date NOT NULL,
  period_id        integer NOT NULL,
  -- USD, debit positive and credit negative
  amount_usd       numeric(20,2) NOT NULL CHECK (amount_usd <> 0),
  currency         char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  original_amount  numeric(24,4),
  rate             numeric CHECK (rate > 0),
  rate_date        date,
  contributor      text,
  agreement_id     bigint,
  tranche_no       integer,
  component        text,
  object_class     text,
  -- the account's version this line made: two writers that both missed the lock collide here
  account_version  bigint NOT NULL,
  FOREIGN KEY (entry_id, entry_date, period_id) REFERENCES journal_entry (id, entry_date, period_id),
  UNIQUE (entry_id, line_no),
  CONSTRAINT journal_line_account_version UNIQUE (account_id, account_version),
  CHECK ((currency IS NULL) = (original_amount IS NULL)),
  CHECK (original_amount = 0 OR sign(original_amount) = sign(amount_usd)),
  CHECK (rate IS NULL OR currency IS NOT NULL),
  CHECK ((rate IS NULL) = (rate_date IS NULL))
);
CREATE INDEX journal_line_account_date ON journal_line (account_id, entry_date, entry_id);
CREATE INDEX journal_line_entry ON journal_line (entry_id);

-- Per account, period and original currency (USD where the line has none): the movements.
-- Statements read these, never all lines.
CREATE TABLE account_period_balance (
  account_id    integer NOT NULL REFERENCES account,
  period_id     integer NOT NULL REFERENCES fiscal_period,
  currency      char(3) NOT NULL,
  debit_usd     numeric(20,2) NOT NULL DEFAULT 0,
  credit_usd    numeric(20,2) NOT NULL DEFAULT 0,
  net_original  numeric(24,4) NOT NULL DEFAULT 0,
  line_count    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, period_id, currency)
);

-- A POST with an Idempotency-Key: the response it gave, committed with what it wrote.
CREATE TABLE idempotency_key (
  username          text NOT NULL,
  key               text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  method            text NOT NULL,
  path              text NOT NULL,
  request_hash      text NOT NULL,
  response_status   integer NOT NULL,
  response_type     text,
  response_body     bytea NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, key)
);

-- ---------------------------------------------------------------------------------------
-- The database has the last word.

-- Posted entries and lines, and the period history, are never changed or removed.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% of % is refused: posted records are immutable; post a reversing entry',
    TG_OP, TG_TABLE_NAME USING ERRCODE = 'TF003';
END $$;

CREATE TRIGGER journal_entry_immutable BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER journal_line_immutable BEFORE UPDATE OR DELETE ON journal_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER period_event_immutable BEFORE UPDATE OR DELETE ON period_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- An entry dated in a closed period is refused. Posting holds the period's advisory lock in
-- shared mode until commit; closing takes it exclusively, so a close waits for postings in
-- flight and every later posting sees the close.
CREATE FUNCTION refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status text;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7001, NEW.period_id);
  SELECT status INTO period_status FROM fiscal_period WHERE id = NEW.period_id;
  IF period_status = 'CLOSED' THEN
    RAISE EXCEPTION 'period % is closed: date the entry in an open period', NEW.period_id
      USING ERRCODE = 'TF001';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER journal_entry_open_period BEFORE INSERT ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_closed_period();

-- At commit, every entry has two or more lines and balances in USD to the cent.
CREATE FUNCTION check_entry_balances(checked_entry bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  line_total numeric;
  lines integer;
BEGIN
  SELECT coalesce(sum(amount_usd), 0), count(*) INTO line_total, lines
    FROM journal_line WHERE entry_id = checked_entry;
  IF lines < 2 THEN
    RAISE EXCEPTION 'journal entry % has % line(s): an entry needs two or more', checked_entry, lines
      USING ERRCODE = 'TF002';
  END IF;
  IF line_total <> 0 THEN
    RAISE EXCEPTION 'journal entry % does not balance: debits - credits = % USD', checked_entry, line_total
      USING ERRCODE = 'TF002';
  END IF;
END $$;

CREATE FUNCTION entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM check_entry_balances(NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION line_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM check_entry_balances(NEW.entry_id);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION entry_balances();
CREATE CONSTRAINT TRIGGER journal_line_balances AFTER INSERT ON journal_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION line_entry_balances();

-- Balances follow the lines in the same statement: the account row (USD and version) and
-- the per-period movements. The poster locks the accounts (ascending id) before inserting.
-- SECURITY DEFINER: the runtime role cannot write balances itself, only through lines.
CREATE FUNCTION apply_lines_to_balances() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = public AS $$
DECLARE
  stale integer;
BEGIN
  WITH per_account AS (
    SELECT account_id, sum(amount_usd) AS amount, count(*) AS lines, max(account_version) AS last_version
      FROM new_lines GROUP BY account_id
  ), updated AS (
    UPDATE account a SET balance_usd = a.balance_usd + p.amount, version = p.last_version
      FROM per_account p
     WHERE a.id = p.account_id AND a.version + p.lines = p.last_version
    RETURNING a.id
  )
  SELECT (SELECT count(*) FROM per_account) - (SELECT count(*) FROM updated) INTO stale;
  IF stale <> 0 THEN
    RAISE EXCEPTION 'lines carry account versions that do not follow the account: a lost update was refused'
      USING ERRCODE = 'TF004';
  END IF;

  INSERT INTO account_period_balance AS b
         (account_id, period_id, currency, debit_usd, credit_usd, net_original, line_count)
  SELECT account_id, period_id, coalesce(currency, 'USD'),
         sum(greatest(amount_usd, 0)), sum(greatest(-amount_usd, 0)),
         sum(coalesce(original_amount, amount_usd)), count(*)
    FROM new_lines
   GROUP BY account_id, period_id, coalesce(currency, 'USD')
  ON CONFLICT (account_id, period_id, currency) DO UPDATE
     SET debit_usd = b.debit_usd + excluded.debit_usd,
         credit_usd = b.credit_usd + excluded.credit_usd,
         net_original = b.net_original + excluded.net_original,
         line_count = b.line_count + excluded.line_count;
  RETURN NULL;
END $$;

CREATE TRIGGER journal_line_balances_follow AFTER INSERT ON journal_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION apply_lines_to_balances();

-- The runtime role: reads everything, inserts into the journal, never updates or deletes it.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO trust_fund_app;
GRANT INSERT ON journal_entry, journal_line, period_event, approval, idempotency_key,
               app_user, user_role TO trust_fund_app;
GRANT UPDATE ON fiscal_period, approval, app_user TO trust_fund_app;
-- only so that posting can lock the accounts it touches (FOR NO KEY UPDATE needs an UPDATE grant)
GRANT UPDATE (version) ON account TO trust_fund_app;
GRANT DELETE ON user_role TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
