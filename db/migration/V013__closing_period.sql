-- R22: the year-end close is posted in a closing period of its own, period 13 of the year (id
-- yyyy13, the one day 31 December), after December closes; it can be run again after adjustments
-- posted in a reopened year. Balances of 31 December leave it out; those of the next year start from it.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
            WHERE conrelid = 'fiscal_period'::regclass AND contype = 'c'
              AND pg_get_constraintdef(oid) NOT LIKE '%status%' LOOP
    EXECUTE format('ALTER TABLE fiscal_period DROP CONSTRAINT %I', c.conname);
  END LOOP;
  FOR c IN SELECT conname FROM pg_constraint
            WHERE conrelid = 'journal_entry'::regclass AND contype = 'c'
              AND pg_get_constraintdef(oid) LIKE '%period_id%' LOOP
    EXECUTE format('ALTER TABLE journal_entry DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;

ALTER TABLE fiscal_period ADD CONSTRAINT fiscal_period_month_or_closing CHECK (
  (id % 100 BETWEEN 1 AND 12
   AND id = extract(year FROM starts_on)::int * 100 + extract(month FROM starts_on)::int
   AND ends_on = (starts_on + interval '1 month' - interval '1 day')::date)
  OR (id % 100 = 13 AND starts_on = make_date(id / 100, 12, 31) AND ends_on = starts_on));

INSERT INTO fiscal_period (id, starts_on, ends_on)
SELECT y * 100 + 13, make_date(y, 12, 31), make_date(y, 12, 31) FROM generate_series(2000, 2099) AS y;

-- An entry is dated in its month, or (a year-end close only) on 31 December in the closing period.
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_in_its_period CHECK (
  period_id = extract(year FROM entry_date)::int * 100 + extract(month FROM entry_date)::int
  OR (period_id = extract(year FROM entry_date)::int * 100 + 13 AND extract(month FROM entry_date) = 12
      AND extract(day FROM entry_date) = 31 AND type IN ('YEAR_END_CLOSE', 'REVERSAL')));

-- Each run of a year's close: the first, and one more each time the year is reopened, adjusted and closed again.
ALTER TABLE year_end_closing DROP CONSTRAINT year_end_closing_pkey;
ALTER TABLE year_end_closing ADD COLUMN run integer NOT NULL DEFAULT 1 CHECK (run >= 1);
ALTER TABLE year_end_closing ADD PRIMARY KEY (year, run);
