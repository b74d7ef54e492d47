-- Concluded matters (终结): a political-legal organ's record, or a re-review answered in handling. One per petition,
-- so a second record or a redelivered event cannot conclude a matter twice.
CREATE TABLE terminations (
    petition_id    uuid        PRIMARY KEY REFERENCES routing_requests (petition_id),
    org_id         text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('re-review-answered', 'political-legal')),
    record_number  text        NULL,
    reason         text        NULL,
    terminated_at  timestamptz NOT NULL
);
