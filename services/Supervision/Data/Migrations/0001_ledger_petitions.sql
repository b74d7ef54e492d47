-- Registered petitions as supervision sees them: ids and classification only, never personal data.
CREATE TABLE ledger_petitions (
    petition_id    uuid        PRIMARY KEY,
    number         text        NOT NULL,
    channel        text        NOT NULL,
    kind           text        NOT NULL,
    topic          text        NOT NULL,
    region_code    text        NOT NULL,
    received_by    text        NOT NULL,
    headcount      integer     NOT NULL,
    registered_at  timestamptz NOT NULL
);
