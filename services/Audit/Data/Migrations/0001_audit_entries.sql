-- The audit trail (ACCESS.md rule 5). Rows are only ever inserted: the triggers below refuse UPDATE, DELETE and
-- TRUNCATE to everyone, the service included. Whoever gets around them (a superuser disabling triggers, a restore
-- of altered data) is caught by the hash chain: each row carries the hash of the one before.
CREATE TABLE audit_entries (
    sequence bigint PRIMARY KEY,
    entry_id uuid NOT NULL UNIQUE,
    service text NOT NULL,
    action text NOT NULL,
    client_id text,
    org_id text,
    actor text,
    petition_id uuid,
    case_id uuid,
    subject text,
    source_address text,
    trace_id text,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    previous_hash bytea NOT NULL,
    hash bytea NOT NULL
);

CREATE INDEX audit_entries_petition ON audit_entries (petition_id, sequence) WHERE petition_id IS NOT NULL;
CREATE INDEX audit_entries_client ON audit_entries (client_id, sequence) WHERE client_id IS NOT NULL;
CREATE INDEX audit_entries_occurred ON audit_entries (occurred_at);

CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
