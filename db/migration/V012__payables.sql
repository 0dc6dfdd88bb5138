-- Payables (ACCOUNTING.md R18): an invoice is certified when the cost is incurred (Dr expense +
-- PSC, Cr 2120 / 2150) and paid later (Dr 2120 / Cr cash), the payment a disbursement that waits
-- for an approving officer (R19). 2120 is a cash liability in R9.
INSERT INTO account (id, code, name, type, contra, currency) VALUES
  (2120, '2120', 'Accounts payable', 'LIABILITY', false, null);

-- The certified invoice is an expenditure (budget against actual, allotments, earmarks and
-- conditions count it when it is certified); this row says it is owed until paid.
CREATE TABLE invoice (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  expenditure_id  bigint NOT NULL UNIQUE REFERENCES expenditure,
  reference       text NOT NULL CHECK (length(reference) BETWEEN 1 AND 140),
  due_on          date,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Each payment of an invoice, with its approver; a payment whose entry is reversed leaves the
-- invoice owed again.
CREATE TABLE invoice_payment (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  invoice_id   bigint NOT NULL REFERENCES invoice,
  entry_id     bigint NOT NULL UNIQUE REFERENCES journal_entry,
  paid_on      date NOT NULL,
  paid_by      text NOT NULL,
  approved_by  text NOT NULL,
  approval_id  bigint NOT NULL UNIQUE REFERENCES approval,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (approved_by <> paid_by)
);
CREATE INDEX invoice_payment_invoice ON invoice_payment (invoice_id);

CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER invoice_payment_immutable BEFORE UPDATE OR DELETE ON invoice_payment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON invoice, invoice_payment TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
