-- The petitioner's query code, hashed by TrackingCodes.Hash: the progress view finds a petition by it.
ALTER TABLE ledger_petitions ADD COLUMN tracking_code_hash text;
CREATE UNIQUE INDEX ix_ledger_petitions_tracking_code_hash ON ledger_petitions (tracking_code_hash)
    WHERE tracking_code_hash IS NOT NULL;

-- Every lifecycle event supervision received, as published. The ledger and the progress view are rebuilt from
-- these rows in occurrence order, so events that arrive late or out of order (they travel on different queues)
-- are never lost. The fingerprint (SHA-256 of type and body) keeps a republished copy with a new message id out.
CREATE TABLE ledger_events (
    message_id   uuid        PRIMARY KEY,
    petition_id  uuid        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    body         jsonb       NOT NULL,
    fingerprint  text        NOT NULL UNIQUE,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX ix_ledger_events_petition ON ledger_events (petition_id, occurred_at);

-- Supervision notices (督办单) to units. Issued by the deadline evaluation of the next issue; the ledger lists them.
CREATE TABLE supervision_notices (
    id                 uuid        PRIMARY KEY,
    kind               text        NOT NULL,
    petition_id        uuid        NOT NULL,
    org_id             text        NOT NULL,
    copied_to_org_ids  text[]      NOT NULL DEFAULT '{}',
    reason             text        NOT NULL,
    issued_at          timestamptz NOT NULL
);
CREATE INDEX ix_supervision_notices_petition ON supervision_notices (petition_id, issued_at);
CREATE INDEX ix_supervision_notices_org ON supervision_notices (org_id, issued_at);
