-- Duplicates and repeat petitions (issue #4): which submission is linked to which original, so the ledger of the
-- original can list its duplicates and count its repeats. Ids and numbers only.
CREATE TABLE petition_links (
    petition_id           uuid        PRIMARY KEY,
    number                text        NOT NULL,
    original_petition_id  uuid        NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('duplicate', 'repeat')),
    linked_at             timestamptz NOT NULL
);
CREATE INDEX ix_petition_links_original ON petition_links (original_petition_id);
