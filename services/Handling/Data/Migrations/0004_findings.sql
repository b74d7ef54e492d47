-- Joint handling (会办): the units' findings live on the case row, so they share its row version (xmin) with the
-- answer; a finding cannot be saved on a case whose answer was saved in the meantime.
ALTER TABLE cases ADD COLUMN findings jsonb NOT NULL DEFAULT '[]';

-- A unit's list also holds the cases it co-handles: find them by the array of co-handlers.
CREATE INDEX ix_cases_co_handlers ON cases USING gin (co_handler_org_ids);
