-- Statements of closed periods must come out the same forever: the pledge register keeps the
-- date a pledge left ANNOUNCED, so a statement as of an earlier date still shows it announced.
ALTER TABLE pledge ADD COLUMN status_changed_on date;
UPDATE pledge SET status_changed_on = announced_on WHERE status <> 'ANNOUNCED';

-- The closing entry of a year (revenue and expense into 3100), one per year.
CREATE TABLE year_end_closing (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
  entry_id    bigint REFERENCES journal_entry,
  closed_by   text NOT NULL,
  closed_at   timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON year_end_closing TO trust_fund_app;

-- Whether a period holds entries (is a statement FINAL?) is asked of every period a statement
-- covers: by index, not by scanning the journal.
CREATE INDEX journal_entry_period ON journal_entry (period_id);
