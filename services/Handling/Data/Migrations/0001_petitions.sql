-- Registered petitions as handling sees them: ids and classification only, never personal data.
CREATE TABLE petitions (
    petition_id    uuid        PRIMARY KEY,
    number         text        NOT NULL,
    kind           text        NOT NULL,
    region_code    text        NOT NULL,
    registered_at  timestamptz NOT NULL
);
