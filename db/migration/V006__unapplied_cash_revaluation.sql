-- R6 for unapplied cash held in a foreign currency (2190): its revaluation is recorded per receipt,
-- so that a later application settles the revalued carrying amount. A revaluation row carries a
-- USD difference and no amount in the receipt's currency.
ALTER TABLE receipt_application DROP CONSTRAINT receipt_application_kind_check;
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_kind_check
  CHECK (kind IN ('TRANCHE', 'BANK_CHARGE', 'CONDITIONAL', 'REVENUE', 'UNAPPLIED', 'REVALUATION'));
ALTER TABLE receipt_application DROP CONSTRAINT receipt_application_amount_check;
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_amount_check
  CHECK (amount <> 0 OR kind = 'REVALUATION');
ALTER TABLE receipt_application DROP CONSTRAINT receipt_application_check;
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_check
  CHECK (kind IN ('UNAPPLIED', 'REVALUATION') OR amount > 0);
ALTER TABLE receipt_application ADD CONSTRAINT receipt_application_revaluation
  CHECK (kind <> 'REVALUATION' OR (amount = 0 AND usd_value <> 0));
