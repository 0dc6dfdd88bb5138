-- #17 item 4: the booked entries of every imported bank statement, debits as well as credits, kept as
-- the bank sent them (amount in the account's currency, credits positive): the bank reconciliation
-- matches them to the journal, and what it cannot match it names.
CREATE TABLE bank_statement_line (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  statement_id  bigint NOT NULL REFERENCES bank_statement,
  line_no       integer NOT NULL,
  booked_on     date NOT NULL,
  amount        numeric(24,4) NOT NULL CHECK (amount <> 0),
  reference     text,
  counterparty  text,
  remittance    text,
  UNIQUE (statement_id, line_no)
);
CREATE INDEX bank_statement_line_statement ON bank_statement_line (statement_id, booked_on);
CREATE TRIGGER bank_statement_line_immutable BEFORE UPDATE OR DELETE ON bank_statement_line
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
GRANT SELECT, INSERT ON bank_statement_line TO trust_fund_app;
