-- The trace context of each consumption, so that work a consumer leaves for a background worker (notification's
-- deliveries) is traced as part of the request that caused it. Nullable: rows from before carry none.
ALTER TABLE inbox_messages
    ADD COLUMN trace_parent text NULL,
    ADD COLUMN trace_state  text NULL;
