-- The uses side: budget components, cost plans, allotments, obligations, expenditure with
-- programme support cost, effective-dated fund parameters, conditions met, write-offs, refunds
-- and closure of the fund.

CREATE TABLE budget_component (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
  name        text NOT NULL,
  created_by  text NOT NULL DEFAULT 'system',
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO budget_component (code, name) VALUES
  ('HLG', 'High-Level Group'),
  ('RESEARCH', 'Research staff'),
  ('SECRETARIAT', 'Secretariat');

ALTER TABLE journal_line ADD CONSTRAINT journal_line_component_fkey FOREIGN KEY (component) REFERENCES budget_component;
ALTER TABLE agreement ADD CONSTRAINT agreement_earmark_fkey FOREIGN KEY (earmark) REFERENCES budget_component;
ALTER TABLE pledge ADD CONSTRAINT pledge_earmark_fkey FOREIGN KEY (earmark) REFERENCES budget_component;
ALTER TABLE journal_line ADD CONSTRAINT journal_line_object_class_check
  CHECK (object_class IN ('STAFF', 'TRAVEL', 'CONTRACTUAL', 'MEETINGS', 'OPERATING'));

-- Fund parameters in force from a date; changed only through approval.
CREATE TABLE fund_rate (
  effective_from         date PRIMARY KEY,
  psc_rate               numeric(6,4) NOT NULL CHECK (psc_rate BETWEEN 0 AND 1),
  reserve_rate           numeric(6,4) NOT NULL CHECK (reserve_rate BETWEEN 0 AND 1),
  bank_charge_tolerance  numeric(20,2) NOT NULL CHECK (bank_charge_tolerance >= 0),
  psc_exempt_accounts    text[] NOT NULL DEFAULT '{}',
  approved_by            text,
  created_by             text NOT NULL DEFAULT 'system',
  created_at             timestamptz NOT NULL DEFAULT now()
);
INSERT INTO fund_rate (effective_from, psc_rate, reserve_rate, bank_charge_tolerance)
SELECT '2000-01-01', psc_rate, reserve_rate, bank_charge_tolerance FROM fund;
ALTER TABLE fund ADD COLUMN status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED'));
ALTER TABLE fund ADD COLUMN closed_on date;

CREATE TABLE cost_plan (
  component     text NOT NULL REFERENCES budget_component,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2099),
  object_class  text NOT NULL CHECK (object_class IN ('STAFF', 'TRAVEL', 'CONTRACTUAL', 'MEETINGS', 'OPERATING')),
  amount        numeric(20,2) NOT NULL CHECK (amount >= 0),
  updated_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (component, year, object_class)
);

CREATE TABLE allotment (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  component    text NOT NULL REFERENCES budget_component,
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2099),
  amount       numeric(20,2) NOT NULL CHECK (amount > 0),
  created_by   text NOT NULL,
  approved_by  text NOT NULL,
  approval_id  bigint REFERENCES approval,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (approved_by <> created_by)
);

CREATE TABLE obligation (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  component     text NOT NULL REFERENCES budget_component,
  object_class  text NOT NULL CHECK (object_class IN ('STAFF', 'TRAVEL', 'CONTRACTUAL', 'MEETINGS', 'OPERATING')),
  amount        numeric(20,2) NOT NULL CHECK (amount > 0),
  psc_rate      numeric(6,4) NOT NULL,
  obligated_on  date NOT NULL,
  payee         text NOT NULL,
  description   text NOT NULL,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE expenditure (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  component      text NOT NULL REFERENCES budget_component,
  object_class   text NOT NULL CHECK (object_class IN ('STAFF', 'TRAVEL', 'CONTRACTUAL', 'MEETINGS', 'OPERATING')),
  amount         numeric(20,2) NOT NULL CHECK (amount > 0),
  psc            numeric(20,2) NOT NULL CHECK (psc >= 0),
  psc_rate       numeric(6,4) NOT NULL,
  spent_on       date NOT NULL,
  payee          text NOT NULL,
  description    text NOT NULL,
  obligation_id  bigint REFERENCES obligation,
  -- how much of the obligation this expenditure liquidates
  liquidated     numeric(20,2) NOT NULL DEFAULT 0 CHECK (liquidated >= 0 AND liquidated <= amount),
  entry_id       bigint NOT NULL REFERENCES journal_entry,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (obligation_id IS NOT NULL OR liquidated = 0)
);
CREATE INDEX expenditure_obligation ON expenditure (obligation_id) WHERE obligation_id IS NOT NULL;

-- Allowances and write-offs of contributions receivable (R14).
CREATE TABLE write_off (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('ALLOWANCE', 'WRITE_OFF')),
  agreement_id  bigint NOT NULL REFERENCES agreement,
  tranche_no    integer NOT NULL,
  amount        numeric(24,4) NOT NULL CHECK (amount > 0),
  usd           numeric(20,2) NOT NULL CHECK (usd > 0),
  reason        text NOT NULL,
  written_on    date NOT NULL,
  entry_id      bigint NOT NULL REFERENCES journal_entry,
  created_by    text NOT NULL,
  approved_by   text,
  approval_id   bigint REFERENCES approval,
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (agreement_id, tranche_no) REFERENCES tranche,
  CHECK (approved_by <> created_by),
  CHECK (kind = 'ALLOWANCE' OR approved_by IS NOT NULL)
);

CREATE TABLE refund (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contributor   text NOT NULL REFERENCES contributor,
  agreement_id  bigint REFERENCES agreement,
  amount        numeric(20,2) NOT NULL CHECK (amount > 0),
  reason        text NOT NULL,
  decided_on    date NOT NULL,
  entry_id      bigint NOT NULL REFERENCES journal_entry,
  paid_entry_id bigint REFERENCES journal_entry,
  created_by    text NOT NULL,
  approved_by   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (approved_by <> created_by)
);

-- A closed fund accepts no entry at all.
CREATE FUNCTION refuse_closed_fund() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM fund) = 'CLOSED' THEN
    RAISE EXCEPTION 'the fund is closed: it accepts no entry' USING ERRCODE = 'TF005';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_entry_open_fund BEFORE INSERT ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_closed_fund();

CREATE TRIGGER obligation_immutable BEFORE UPDATE OR DELETE ON obligation
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER expenditure_immutable BEFORE UPDATE OR DELETE ON expenditure
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER write_off_immutable BEFORE UPDATE OR DELETE ON write_off
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER allotment_immutable BEFORE UPDATE OR DELETE ON allotment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

GRANT SELECT ON budget_component, fund_rate, cost_plan, allotment, obligation, expenditure, write_off, refund
  TO trust_fund_app;
GRANT INSERT ON budget_component, fund_rate, cost_plan, allotment, obligation, expenditure, write_off, refund
  TO trust_fund_app;
GRANT UPDATE ON cost_plan, fund, refund TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
