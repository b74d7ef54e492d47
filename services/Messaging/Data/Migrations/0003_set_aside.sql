-- Poison messages no longer stop the flow (issue 13).
--
-- An outbox row that fails for a reason of its own (an unreadable body, a contract that no longer exists) is set aside
-- after Outbox:MaxFaults such failures, and the rows behind it flow on. A broker that is away is not the row's fault:
-- those failures are not counted in faults, and the row waits for the broker however long it takes.
ALTER TABLE outbox_messages
    ADD COLUMN faults       integer     NOT NULL DEFAULT 0,
    ADD COLUMN set_aside_at timestamptz NULL;

DROP INDEX ix_outbox_messages_unsent;
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL AND set_aside_at IS NULL;
CREATE INDEX ix_outbox_messages_set_aside ON outbox_messages (sequence) WHERE sent_at IS NULL AND set_aside_at IS NOT NULL;

-- Messages a consumer could not process after its quick retries: held here and sent back to the same queue after a
-- delay that grows over minutes (release_at), and once the delays are used up set aside (release_at NULL) until an
-- operator replays them. The body is the contract's JSON, as in the outbox; one row per message and queue.
CREATE TABLE held_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    message_type text        NOT NULL,
    body         jsonb       NOT NULL,
    petition_id  uuid        NULL,
    trace_parent text        NULL,
    trace_state  text        NULL,
    redeliveries integer     NOT NULL,
    last_error   text        NOT NULL,
    held_at      timestamptz NOT NULL,
    release_at   timestamptz NULL,
    PRIMARY KEY (message_id, consumer)
);

CREATE INDEX ix_held_messages_due ON held_messages (release_at) WHERE release_at IS NOT NULL;
CREATE INDEX ix_held_messages_set_aside ON held_messages (held_at) WHERE release_at IS NULL;
