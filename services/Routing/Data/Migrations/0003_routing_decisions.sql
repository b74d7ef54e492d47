-- What routing needs to decide again after a decline, and whether a petition waits for a superior's decision.
ALTER TABLE routing_requests
    ADD COLUMN subtopic              text,
    ADD COLUMN awaiting_decision_by  text,
    ADD COLUMN awaiting_reason       text;

-- Every decision about a petition; (petition, attempt) is unique, so two racing re-decisions cannot both win.
CREATE TABLE routing_decisions (
    petition_id           uuid        NOT NULL REFERENCES routing_requests (petition_id),
    attempt               integer     NOT NULL CHECK (attempt >= 0),
    mode                  text        NOT NULL,
    responsible_org_id    text        NOT NULL,
    responsible_org_name  text        NOT NULL,
    path                  text[]      NOT NULL,
    co_handler_org_ids    text[]      NOT NULL,
    rule                  text        NOT NULL,
    legal_route           text,
    report_back_due_by    timestamptz,
    confidential          boolean     NOT NULL,
    decided_at            timestamptz NOT NULL,
    decided_by            text        NOT NULL,
    PRIMARY KEY (petition_id, attempt)
);
