-- Review (复查) and re-review (复核): the contested case points to the superior's case and back.
ALTER TABLE cases
    ADD COLUMN review_of_case_id    uuid        NULL,
    ADD COLUMN review_reason        text        NULL,
    ADD COLUMN review_case_id       uuid        NULL,
    ADD COLUMN review_requested_at  timestamptz NULL;

ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN
    ('awaiting-acceptance', 'in-progress', 'answered', 'evaluated', 'closed', 'declined', 'review-requested'));

-- An answer is contested once: two racing requests cannot both open a review of the same case.
CREATE UNIQUE INDEX ux_cases_review_of ON cases (review_of_case_id) WHERE review_of_case_id IS NOT NULL;

-- A terminated matter (终结) is not reviewed again. One row per petition, so a redelivered or repeated
-- PetitionTerminated changes nothing.
CREATE TABLE terminations (
    petition_id    uuid        PRIMARY KEY,
    org_id         text        NOT NULL,
    reason         text        NOT NULL CHECK (reason IN ('re-review-answered', 'political-legal')),
    record_number  text        NULL,
    terminated_at  timestamptz NOT NULL
);
