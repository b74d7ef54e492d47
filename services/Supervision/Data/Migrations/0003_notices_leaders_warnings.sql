-- What each notice is about, and the key that makes it unique: the same reminder, overdue notice, escalation level or
-- alert is never issued twice, even when two evaluations run at once (INSERT … ON CONFLICT DO NOTHING).
-- The table has been empty until now, so the NOT NULL columns need no default.
ALTER TABLE supervision_notices
    ADD COLUMN stage      text        NOT NULL,
    ADD COLUMN case_id    uuid,
    ADD COLUMN due_by     timestamptz,
    ADD COLUMN level      integer     NOT NULL DEFAULT 0,
    ADD COLUMN leader     text,
    ADD COLUMN dedup_key  text        NOT NULL;
CREATE UNIQUE INDEX ix_supervision_notices_dedup_key ON supervision_notices (dedup_key);
-- Notices copied to a unit are listed for it too.
CREATE INDEX ix_supervision_notices_copied ON supervision_notices USING gin (copied_to_org_ids);

-- The leader who took a petition on (包案); a later take-over replaces the earlier one.
CREATE TABLE petition_leaders (
    petition_id  uuid        PRIMARY KEY,
    leader       text        NOT NULL,
    org_id       text        NOT NULL,
    taken_at     timestamptz NOT NULL
);

-- Registrations as the early warning counts them: one row per petition, by county-level region and topic.
CREATE TABLE warning_registrations (
    petition_id    uuid        PRIMARY KEY,
    county_code    text        NOT NULL,
    topic          text        NOT NULL,
    registered_at  timestamptz NOT NULL
);
CREATE INDEX ix_warning_registrations_county_topic ON warning_registrations (county_code, topic, registered_at);
