-- Registered petitions as routing sees them: ids and classification only, never personal data.
CREATE TABLE routing_requests (
    petition_id    uuid        PRIMARY KEY,
    kind           text        NOT NULL,
    topic          text        NOT NULL,
    region_code    text        NOT NULL,
    received_by    text        NOT NULL,
    registered_at  timestamptz NOT NULL
);
