-- Which units handle each petition's cases, learnt from handling's events (ACCESS.md rule 4: the lead unit and the
-- co-handlers see personal data in clear while the case is theirs). Org ids and instants only.
CREATE TABLE case_handlers (
    case_id      uuid        NOT NULL,
    org_id       text        NOT NULL,
    petition_id  uuid        NOT NULL REFERENCES petitions (id),
    is_lead      boolean     NOT NULL,
    released_at  timestamptz NULL,
    PRIMARY KEY (case_id, org_id)
);

CREATE INDEX ix_case_handlers_petition ON case_handlers (petition_id, org_id);
