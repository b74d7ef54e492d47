-- Duplicates and repeats (issue #4). A submission that duplicates an open matter, or brings back a terminated one, is
-- registered but does not enter the lifecycle; its status says so and the link names the original.
ALTER TABLE petitions ADD COLUMN status       text NOT NULL DEFAULT 'registered';
ALTER TABLE petitions ADD COLUMN duplicate_of uuid NULL REFERENCES petitions (id);
ALTER TABLE petitions ADD COLUMN repeat_of    uuid NULL REFERENCES petitions (id);

-- Earlier petitions of a petitioner are looked up by these hashes together with topic (see 0001 for the hash indexes).
CREATE INDEX ix_petitions_duplicate_of ON petitions (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX ix_petitions_repeat_of ON petitions (repeat_of) WHERE repeat_of IS NOT NULL;

-- Where each registered petition stands, learnt from routing's and handling's events. Org ids and instants only.
CREATE TABLE matter_states (
    petition_id          uuid        PRIMARY KEY REFERENCES petitions (id),
    responsible_org_id   text        NULL,
    routing_attempt      integer     NOT NULL,
    answered_by_org_id   text        NULL,
    answered_at          timestamptz NULL,
    review_requested_at  timestamptz NULL,
    terminated_at        timestamptz NULL,
    termination_reason   text        NULL
);
