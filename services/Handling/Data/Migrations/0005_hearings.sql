-- Hearings (听证) of review and re-review cases: kept on the case row, so recording one shares the row version (xmin)
-- with every other change of the case, and two overlapping hearings cannot both be saved.
ALTER TABLE cases ADD COLUMN hearings jsonb NOT NULL DEFAULT '[]';
