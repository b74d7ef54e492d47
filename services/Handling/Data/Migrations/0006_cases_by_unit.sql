-- Issue #14: a unit's case list is read a page at a time in its order (opened, then id), so the next page is found by
-- the index instead of sorting all the unit's cases.
CREATE INDEX ix_cases_org_opened ON cases (org_id, opened_at, id);
