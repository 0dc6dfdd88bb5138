-- R16 for unapplied cash (2190): when a revaluation is run late, the cash applied after its date
-- should have taken the revalued amount. The books restate it with a REVALUATION row of the
-- receipt (no amount, the USD taken out) and a TRANCHE row of the tranche it settled (no amount,
-- the same USD received), posted with the adjustment entry that moves 2190 and 7810.
ALTER TABLE receipt_application DROP CONSTRAINT receipt_application_amount_check;
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_amount_check
  CHECK (amount <> 0 OR kind IN ('REVALUATION', 'TRANCHE'));
ALTER TABLE receipt_application DROP CONSTRAINT receipt_application_check;
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_check
  CHECK (kind IN ('UNAPPLIED', 'REVALUATION') OR amount > 0 OR (kind = 'TRANCHE' AND amount = 0 AND usd_value <> 0));
