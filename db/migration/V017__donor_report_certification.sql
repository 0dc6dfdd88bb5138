-- #17 item 5: the financial report to a contributor is certified by a named finance officer. The
-- certification holds the hash of the figures it certified: if a back-dated entry changes them, the
-- report says so instead of carrying a certification that no longer applies.
CREATE TABLE donor_report_certification (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contributor   text NOT NULL REFERENCES contributor,
  from_date     date NOT NULL,
  to_date       date NOT NULL,
  figures_hash  text NOT NULL CHECK (figures_hash ~ '^[0-9a-f]{64}$'),
  certified_by  text NOT NULL,
  certified_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date)
);
CREATE INDEX donor_report_certification_report ON donor_report_certification (contributor, from_date, to_date, id);
CREATE TRIGGER donor_report_certification_immutable BEFORE UPDATE OR DELETE ON donor_report_certification
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
GRANT SELECT, INSERT ON donor_report_certification TO trust_fund_app;
