-- Obligations that change (ACCOUNTING.md R21): raised, reduced or cancelled, and released by a
-- final liquidation. An obligation is never updated: what is open on a date is its amount, less
-- the standing liquidations and plus the adjustments dated by then.
CREATE TABLE obligation_adjustment (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  obligation_id   bigint NOT NULL REFERENCES obligation,
  kind            text NOT NULL CHECK (kind IN ('INCREASE', 'REDUCTION', 'CANCELLATION', 'FINAL_LIQUIDATION')),
  -- USD, positive raises what is open, negative reduces it
  amount          numeric(20,2) NOT NULL CHECK (amount <> 0),
  adjusted_on     date NOT NULL,
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  -- the final liquidation that released the rest
  expenditure_id  bigint REFERENCES expenditure,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'INCREASE') = (amount > 0)),
  CHECK ((kind = 'FINAL_LIQUIDATION') = (expenditure_id IS NOT NULL))
);
CREATE INDEX obligation_adjustment_obligation ON obligation_adjustment (obligation_id, adjusted_on);

CREATE TRIGGER obligation_adjustment_immutable BEFORE UPDATE OR DELETE ON obligation_adjustment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON obligation_adjustment TO trust_fund_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO trust_fund_app;
