CREATE TABLE petitions (
    id                          uuid        PRIMARY KEY,
    number                      text        NOT NULL UNIQUE,
    tracking_code_hash          bytea       NOT NULL UNIQUE,
    channel                     text        NOT NULL,
    kind                        text        NOT NULL,
    topic                       text        NOT NULL,
    subject                     text        NOT NULL,
    content                     text        NOT NULL,
    region_code                 text        NOT NULL,
    received_by                 text        NOT NULL,
    headcount                   integer     NOT NULL CHECK (headcount >= 1),
    representatives             text[]      NOT NULL,
    registered_at               timestamptz NOT NULL,
    -- Personal data: only intake stores it. ID number and phone are AES-GCM ciphertexts; the hashes are keyed.
    petitioner_name             text        NULL,
    petitioner_id_number_cipher bytea       NULL,
    petitioner_id_number_hash   bytea       NULL,
    petitioner_phone_cipher     bytea       NULL,
    petitioner_phone_hash       bytea       NULL,
    petitioner_address          text        NULL
);

-- Duplicate and repeat detection match the same person through these hashes.
CREATE INDEX ix_petitions_id_number_hash ON petitions (petitioner_id_number_hash) WHERE petitioner_id_number_hash IS NOT NULL;
CREATE INDEX ix_petitions_phone_hash ON petitions (petitioner_phone_hash) WHERE petitioner_phone_hash IS NOT NULL;

-- One counter per county and day in China Standard Time gives gap-free, readable petition numbers.
CREATE TABLE petition_number_sequences (
    county_code text    NOT NULL,
    day         date    NOT NULL,
    last_value  bigint  NOT NULL,
    PRIMARY KEY (county_code, day)
);

CREATE TABLE idempotency_records (
    key             text        PRIMARY KEY,
    request_hash    bytea       NOT NULL,
    petition_id     uuid        NOT NULL REFERENCES petitions (id),
    response_cipher bytea       NOT NULL,
    created_at      timestamptz NOT NULL
);
