-- The income side: contributors, UN operational rates of exchange, pledges, agreements with
-- tranches, receipts and their application, bank statements, revaluations.

CREATE TABLE contributor (
  code              text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type              text NOT NULL CHECK (type IN ('GOVERNMENT', 'ORGANIZATION', 'FOUNDATION', 'PRIVATE')),
  co_sponsor        boolean NOT NULL DEFAULT false,
  group_of_friends  boolean NOT NULL DEFAULT false,
  -- the accounts the contributor pays from, for matching bank statement lines
  ibans             text[] NOT NULL DEFAULT '{}',
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- governments are named by their ISO 3166 alpha-2 code
  CHECK (type <> 'GOVERNMENT' OR code ~ '^[A-Z]{2}$')
);

ALTER TABLE journal_line ADD CONSTRAINT journal_line_contributor_fkey
  FOREIGN KEY (contributor) REFERENCES contributor;
CREATE INDEX journal_line_agreement ON journal_line (agreement_id, tranche_no) WHERE agreement_id IS NOT NULL;

-- The fund's bank accounts: an IBAN to recognise their statements.
ALTER TABLE account ADD COLUMN iban text UNIQUE;
UPDATE account SET iban = 'CH9300762011623852957' WHERE code = '1010';
UPDATE account SET iban = 'CH5604835012345678009' WHERE code = '1011';

-- UN operational rates of exchange: currency units per 1 USD, as published.
CREATE TABLE exchange_rate (
  currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'USD'),
  effective_from  date NOT NULL,
  rate            numeric NOT NULL CHECK (rate > 0),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (currency, effective_from)
);

CREATE TABLE pledge (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contributor    text NOT NULL REFERENCES contributor,
  currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount         numeric(24,4) NOT NULL CHECK (amount > 0),
  announced_on   date NOT NULL,
  expected_on    date,
  earmark        text,
  note           text,
  status         text NOT NULL DEFAULT 'ANNOUNCED' CHECK (status IN ('ANNOUNCED', 'AGREED', 'FULFILLED', 'CANCELLED')),
  status_reason  text,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agreement (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contributor            text NOT NULL REFERENCES contributor,
  reference              text NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 100),
  signed_on              date NOT NULL,
  currency               char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  pledge_id              bigint REFERENCES pledge,
  earmark                text,
  condition_description  text,
  condition_deadline     date,
  recognition_entry_id   bigint REFERENCES journal_entry,
  created_by             text NOT NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((condition_description IS NULL) = (condition_deadline IS NULL))
);

CREATE TABLE tranche (
  agreement_id              bigint NOT NULL REFERENCES agreement,
  tranche_no                integer NOT NULL CHECK (tranche_no >= 1),
  due_on                    date NOT NULL,
  amount                    numeric(24,4) NOT NULL CHECK (amount > 0),
  subject_to_appropriation  boolean NOT NULL DEFAULT false,
  -- when the tranche became binding: the signature, or the confirmation of the appropriation
  recognised_on             date,
  recognition_entry_id      bigint REFERENCES journal_entry,
  PRIMARY KEY (agreement_id, tranche_no)
);

ALTER TABLE journal_line ADD CONSTRAINT journal_line_tranche_fkey
  FOREIGN KEY (agreement_id, tranche_no) REFERENCES tranche;
ALTER TABLE journal_line ADD CONSTRAINT journal_line_agreement_fkey
  FOREIGN KEY (agreement_id) REFERENCES agreement;

CREATE TABLE bank_statement (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id        integer NOT NULL REFERENCES account,
  statement_ref     text NOT NULL,
  format            text NOT NULL,
  currency          char(3) NOT NULL,
  opening_balance   numeric(24,4) NOT NULL,
  closing_balance   numeric(24,4) NOT NULL,
  from_date         date,
  to_date           date,
  content_hash      text NOT NULL,
  entries           integer NOT NULL,
  imported_by       text NOT NULL,
  imported_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, statement_ref)
);

CREATE TABLE receipt (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contributor      text REFERENCES contributor,
  agreement_id     bigint REFERENCES agreement,
  pledge_id        bigint REFERENCES pledge,
  currency         char(3) NOT NULL,
  amount           numeric(24,4) NOT NULL CHECK (amount > 0),
  received_on      date NOT NULL,
  bank_account_id  integer NOT NULL REFERENCES account,
  bank_reference   text NOT NULL CHECK (length(bank_reference) BETWEEN 1 AND 140),
  usd_value        numeric(20,2) NOT NULL CHECK (usd_value > 0),
  rate             numeric,
  rate_date        date,
  entry_id         bigint NOT NULL REFERENCES journal_entry,
  statement_id     bigint REFERENCES bank_statement,
  remittance       text,
  payer_name       text,
  payer_iban       text,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  -- a bank reference is booked once per bank account: a statement imported twice adds nothing
  UNIQUE (bank_account_id, bank_reference)
);

-- Where each part of a receipt went, in the receipt's currency and in USD.
--   TRANCHE: settles a tranche (usd_carrying of the receivable credited; usd_value the cash's USD)
--   BANK_CHARGE: a shortfall within the tolerance, settled as bank charges (6200)
--   CONDITIONAL: held as a liability until the condition is met (2300)
--   REVENUE: cash without an agreement (4100)
--   UNAPPLIED: parked in 2190 (positive) and taken out again when applied (negative)
CREATE TABLE receipt_application (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  receipt_id    bigint NOT NULL REFERENCES receipt,
  kind          text NOT NULL CHECK (kind IN ('TRANCHE', 'BANK_CHARGE', 'CONDITIONAL', 'REVENUE', 'UNAPPLIED')),
  agreement_id  bigint REFERENCES agreement,
  tranche_no    integer,
  contributor   text REFERENCES contributor,
  amount        numeric(24,4) NOT NULL CHECK (amount <> 0),
  usd_value     numeric(20,2) NOT NULL,
  usd_carrying  numeric(20,2),
  entry_id      bigint NOT NULL REFERENCES journal_entry,
  applied_on    date NOT NULL,
  FOREIGN KEY (agreement_id, tranche_no) REFERENCES tranche,
  CHECK (kind = 'UNAPPLIED' OR amount > 0),
  CHECK (kind NOT IN ('TRANCHE', 'BANK_CHARGE') OR tranche_no IS NOT NULL)
);
CREATE INDEX receipt_application_receipt ON receipt_application (receipt_id);
CREATE INDEX receipt_application_tranche ON receipt_application (agreement_id, tranche_no);

CREATE TABLE revaluation (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  as_of       date NOT NULL,
  entry_id    bigint REFERENCES journal_entry,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER receipt_immutable BEFORE UPDATE OR DELETE ON receipt
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER receipt_application_immutable BEFORE UPDATE OR DELETE ON receipt_application
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER bank_statement_immutable BEFORE UPDATE OR DELETE ON bank_statement
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

GRANT SELECT ON contributor, exchange_rate, pledge, agreement, tranche, bank_statement, receipt,
               receipt_application, revaluation TO trust_fund_app;
GRANT INSERT ON contributor, exchange_rate, pledge, agreement, tranche, bank_statement, receipt,
               receipt_application, revaluation TO trust_fund_app;
GRANT UPDATE ON contributor, exchange_rate, pledge, agreement, tranche TO trust_fund_app;
-- more bank accounts, each in its currency (1012 …), are added through the API
GRANT INSERT ON account TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
