-- The transactional outbox: events written in the same transaction as the state change that caused them,
-- published later by the dispatcher (publisher confirms), then marked sent.
CREATE TABLE outbox_messages (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    message_type text        NOT NULL,
    body         jsonb       NOT NULL,
    trace_parent text        NULL,
    trace_state  text        NULL,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text        NULL
);

-- The dispatcher only ever looks for what is still to send, oldest first.
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL;

-- The inbox: which message each consumer (receive queue) has already processed, written in the same
-- transaction as the consumer's effect, so a redelivered message changes nothing.
CREATE TABLE inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    message_type text        NOT NULL,
    petition_id  uuid        NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);

CREATE INDEX ix_inbox_messages_petition ON inbox_messages (petition_id) WHERE petition_id IS NOT NULL;
