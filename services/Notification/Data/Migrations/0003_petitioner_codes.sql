-- Query-code hashes of submissions intake links instead of registering (duplicates, resubmitted terminated matters):
-- the petitioner reads the messages about them with that submission's own code. Hashes only, never the code.
CREATE TABLE petitioner_codes (
    petition_id        uuid        PRIMARY KEY,
    tracking_code_hash text        NOT NULL,
    recorded_at        timestamptz NOT NULL
);

CREATE INDEX petitioner_codes_by_hash ON petitioner_codes (tracking_code_hash);
