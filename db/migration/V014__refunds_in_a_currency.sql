-- R17: a refund in a currency is owed in it (2110 carries the currency amount) and paid from the
-- bank account that holds it, the difference between what was owed in USD and what the cash carried
-- to realised exchange (7810). amount stays the USD owed when the refund was decided.
ALTER TABLE refund ADD COLUMN currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$');
ALTER TABLE refund ADD COLUMN original_amount numeric(24,4) CHECK (original_amount > 0);
ALTER TABLE refund ADD CONSTRAINT refund_original_in_its_currency CHECK ((currency = 'USD') = (original_amount IS NULL));
