-- R16/R21: what an expenditure liquidates of its obligation, and what a final liquidation
-- releases, are what date order gives: restated from the obligation's history whenever an
-- expenditure naming it, a reversal of one or an adjustment is recorded, whatever their dates.
-- Both are figures of the sub-ledger, kept on the expenditure; the officer's decisions
-- (the expenditure, its being final, each adjustment) stay as recorded.
ALTER TABLE expenditure ADD COLUMN releases_the_rest boolean NOT NULL DEFAULT false;
ALTER TABLE expenditure ADD COLUMN released numeric(20,2) NOT NULL DEFAULT 0 CHECK (released >= 0);
ALTER TABLE expenditure ADD CONSTRAINT expenditure_released_only_when_final CHECK (releases_the_rest OR released = 0);

-- The expenditure stays as recorded: only the two restated figures may change.
DROP TRIGGER expenditure_immutable ON expenditure;
CREATE FUNCTION refuse_expenditure_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     OR to_jsonb(NEW) - 'liquidated' - 'released' IS DISTINCT FROM to_jsonb(OLD) - 'liquidated' - 'released' THEN
    RAISE EXCEPTION '% of % is refused: posted records are immutable; post a reversing entry',
      TG_OP, TG_TABLE_NAME USING ERRCODE = 'TF003';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER expenditure_immutable BEFORE UPDATE OR DELETE ON expenditure
  FOR EACH ROW EXECUTE FUNCTION refuse_expenditure_change();

-- the final liquidations recorded before: their release moves onto the expenditure
ALTER TABLE expenditure DISABLE TRIGGER expenditure_immutable;
UPDATE expenditure e SET releases_the_rest = true, released = -a.amount
  FROM obligation_adjustment a WHERE a.expenditure_id = e.id AND a.kind = 'FINAL_LIQUIDATION';
ALTER TABLE expenditure ENABLE TRIGGER expenditure_immutable;

GRANT UPDATE (liquidated, released) ON expenditure TO trust_fund_app;
