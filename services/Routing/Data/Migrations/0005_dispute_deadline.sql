-- A disputed matter (no candidate left after declines) waits for its common superior until this date; cleared by the
-- decision, like the rest of the awaiting state.
ALTER TABLE routing_requests ADD COLUMN decide_by timestamptz;
