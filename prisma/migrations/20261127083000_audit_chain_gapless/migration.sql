-- Audit sequence numbers without gaps. nextval() is not undone by a rollback: a transaction
-- that wrote an audit entry and then failed (a later error, a lost connection, a killed
-- server) used up its number, and the chain check reported the gap as a deleted entry.
-- Writers hold the chain lock until they commit or roll back, so the next number is simply the
-- last committed one plus one. (audit_entry_seq is no longer used; it stays for old backups.)
CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727270001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.at, NEW.actor_id, NEW.actor_role,
    NEW.action, NEW.entity_type, NEW.entity_id, NEW.ip, NEW.request_id, NEW.changes, NEW.details);
  RETURN NEW;
END
$$;
