-- Issue #14: the deadline evaluation and the backlog read the petitions with open clocks, not every petition ever
-- registered. A row per petition with open clocks or unjudged events (see ClockWatch); every event marks its
-- petition changed in the same transaction that records it, and the evaluation, having judged a petition, writes
-- when to judge it next, or removes the row when nothing is open.
CREATE TABLE clock_watch (
    petition_id   uuid        PRIMARY KEY,
    changed       boolean     NOT NULL,
    revision      bigint      NOT NULL,
    check_at      timestamptz,
    earliest_due  timestamptz
);
CREATE INDEX ix_clock_watch_changed ON clock_watch (petition_id) WHERE changed;
CREATE INDEX ix_clock_watch_check_at ON clock_watch (check_at) WHERE check_at IS NOT NULL;
CREATE INDEX ix_clock_watch_earliest_due ON clock_watch (earliest_due) WHERE earliest_due IS NOT NULL;

-- Petitions recorded before this table existed are judged once by the next evaluation, which then keeps their rows.
INSERT INTO clock_watch (petition_id, changed, revision)
SELECT DISTINCT petition_id, true, 1 FROM ledger_events;
