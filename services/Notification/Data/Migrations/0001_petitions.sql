-- Registered petitions as notification sees them: ids and classification only, never personal data.
CREATE TABLE petitions (
    petition_id    uuid        PRIMARY KEY,
    number         text        NOT NULL,
    received_by    text        NOT NULL,
    registered_at  timestamptz NOT NULL
);
