-- What notification needs to address petitioners and quote units, and the messages it writes and keeps.

-- Filled from PetitionRegistered; null for rows recorded before the event carried them.
ALTER TABLE petitions
    ADD COLUMN tracking_code_hash text,
    ADD COLUMN channel            text,
    ADD COLUMN kind               text;

-- A petitioner asks for their messages with the query code; the hash is how it is found.
CREATE INDEX petitions_tracking_code_hash ON petitions (tracking_code_hash);

-- Each PetitionRouted, so that a decline is reported to the unit whose decision it declines.
CREATE TABLE routing_decisions (
    petition_id          uuid        NOT NULL,
    attempt              integer     NOT NULL,
    decided_by           text        NOT NULL,
    mode                 text        NOT NULL,
    responsible_org_id   text        NOT NULL,
    responsible_org_name text        NOT NULL,
    confidential         boolean     NOT NULL,
    decided_at           timestamptz NOT NULL,
    PRIMARY KEY (petition_id, attempt)
);

CREATE TABLE notifications (
    id                uuid        PRIMARY KEY,
    petition_id       uuid        NOT NULL,
    source_message_id uuid        NOT NULL,
    template          text        NOT NULL,
    channel           text        NOT NULL,
    -- 'org' with an org id, or 'petitioner' with the petition id: never a phone number, address or name.
    recipient_kind    text        NOT NULL CHECK (recipient_kind IN ('org', 'petitioner')),
    recipient_key     text        NOT NULL,
    text              text        NOT NULL,
    -- Only while a receipt waits: the text with the full query code. Cleared when delivery ends.
    delivery_text     text,
    status            text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts          integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    next_attempt_at   timestamptz NOT NULL,
    sent_at           timestamptz,
    last_error        text,
    -- However an event is redelivered, each of its messages exists once.
    CONSTRAINT notifications_once UNIQUE (source_message_id, template, recipient_kind, recipient_key)
);

-- The sender's work queue.
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
-- GET /api/notifications?recipient=…, oldest first.
CREATE INDEX notifications_by_recipient ON notifications (recipient_kind, recipient_key, created_at);
