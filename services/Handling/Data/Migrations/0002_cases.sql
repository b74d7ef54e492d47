-- The petitioner proves themselves (evaluation) with the query code; handling keeps only its SHA-256, as sent in
-- PetitionRegistered. Petitions recorded before this column existed have none and cannot be evaluated.
ALTER TABLE petitions ADD COLUMN tracking_code_hash text NULL;

-- One unit's handling of one petition at one stage. No personal data: ids, clocks and the unit's own texts.
CREATE TABLE cases (
    id                     uuid        PRIMARY KEY,
    petition_id            uuid        NOT NULL,
    stage                  text        NOT NULL CHECK (stage IN ('original', 'review', 're-review')),
    org_id                 text        NOT NULL,
    co_handler_org_ids     text[]      NOT NULL DEFAULT '{}',
    mode                   text        NOT NULL,
    confidential           boolean     NOT NULL,
    routing_attempt        integer     NOT NULL,
    status                 text        NOT NULL CHECK (status IN
                               ('awaiting-acceptance', 'in-progress', 'answered', 'evaluated', 'closed', 'declined')),
    opened_at              timestamptz NOT NULL,
    acceptance_due_by      timestamptz NOT NULL,
    report_back_due_by     timestamptz NULL,
    accepted_at            timestamptz NULL,
    accepted_by            text        NULL,
    handling_due_by        timestamptz NULL,
    extension_days         integer     NULL CHECK (extension_days BETWEEN 1 AND 30),
    extension_reason       text        NULL,
    extension_approved_by  text        NULL,
    extended_at            timestamptz NULL,
    decline_reason         text        NULL,
    decline_legal_basis    text        NULL,
    suggested_org_id       text        NULL,
    declined_at            timestamptz NULL,
    outcome                text        NULL CHECK (outcome IN ('support', 'explain', 'not-support')),
    opinion                text        NULL,
    legal_basis            text        NULL,
    answered_at            timestamptz NULL,
    review_due_by          timestamptz NULL,
    rating                 text        NULL CHECK (rating IN ('satisfied', 'basically-satisfied', 'dissatisfied')),
    evaluated_at           timestamptz NULL,
    closed_at              timestamptz NULL,
    -- A redelivered or replayed PetitionRouted can never open a second case for the same decision.
    CONSTRAINT ux_cases_routing_decision UNIQUE (petition_id, org_id, stage, routing_attempt)
);

-- A unit's work list, and a petition's cases in the order they were opened.
CREATE INDEX ix_cases_org_status ON cases (org_id, status);
CREATE INDEX ix_cases_petition ON cases (petition_id, opened_at);
