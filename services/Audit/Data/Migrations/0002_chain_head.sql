-- The chain's head: the last entry's sequence and hash, in one row that every appender locks. A locking read of it
-- both takes the appenders' turn and returns the head as the appender before left it, so an append is one read and one
-- insert. The trigger below keeps the row on the last entry, whoever inserts (an instance of the release before this
-- one, which takes its turn by advisory lock and reads the table's maximum, included), and refuses an entry that does
-- not follow it. Before the first entry the hash is NULL: the first entry names the genesis hash (AuditChain.Genesis).
LOCK TABLE audit_entries IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE audit_chain_head (
    single_row boolean PRIMARY KEY DEFAULT true CHECK (single_row),
    sequence bigint NOT NULL,
    hash bytea
);

INSERT INTO audit_chain_head (sequence, hash)
SELECT coalesce(max(sequence), 0), (SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1)
FROM audit_entries;

CREATE FUNCTION audit_entries_advance_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_chain_head SET sequence = NEW.sequence, hash = NEW.hash WHERE sequence = NEW.sequence - 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit entry % does not follow the head of the chain', NEW.sequence;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_entries_advance_head AFTER INSERT ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_advance_head();
