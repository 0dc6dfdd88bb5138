-- R23: budget against actual sets the original and the final (revised) budget beside the actual.
-- A cost-plan line keeps the amount it was first set at, its original budget; amount is the final
-- budget. Every change of amount is a revision on the record: who, when, from what to what.
ALTER TABLE cost_plan ADD COLUMN original_amount numeric(20,2) CHECK (original_amount >= 0);
UPDATE cost_plan SET original_amount = amount;
ALTER TABLE cost_plan ALTER COLUMN original_amount SET NOT NULL;

CREATE FUNCTION cost_plan_original_stays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.original_amount IS DISTINCT FROM OLD.original_amount THEN
    RAISE EXCEPTION 'the original budget of % % % stays as first set', OLD.component, OLD.year, OLD.object_class;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cost_plan_original_stays BEFORE UPDATE ON cost_plan
  FOR EACH ROW EXECUTE FUNCTION cost_plan_original_stays();

CREATE TABLE cost_plan_revision (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  component        text NOT NULL,
  year             integer NOT NULL,
  object_class     text NOT NULL,
  previous_amount  numeric(20,2) NOT NULL CHECK (previous_amount >= 0),
  amount           numeric(20,2) NOT NULL CHECK (amount >= 0),
  revised_by       text NOT NULL,
  revised_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (component, year, object_class) REFERENCES cost_plan,
  CHECK (amount <> previous_amount)
);
CREATE INDEX cost_plan_revision_line ON cost_plan_revision (component, year, object_class, id);
CREATE TRIGGER cost_plan_revision_immutable BEFORE UPDATE OR DELETE ON cost_plan_revision
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
GRANT SELECT, INSERT ON cost_plan_revision TO trust_fund_app;
