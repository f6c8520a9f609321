-- Platform rules the database enforces whoever writes: the audit trail is append-only and
-- hash-chained in commit order; case numbers come from a sequence (never reused); names are
-- folded for search by one SQL function that the TypeScript fold (contracts/src/names.ts) mirrors.

-- ---------------------------------------------------------------- audit trail
CREATE SEQUENCE audit_entry_seq AS bigint;

-- The hash covers every column except the hash itself. Timestamps are hashed as epoch
-- microseconds and JSON as jsonb text (both independent of session settings), so a restored
-- dump verifies the same.
CREATE FUNCTION audit_entry_hash(
  p_prev text, p_seq bigint, p_id uuid, p_at timestamptz, p_actor_id uuid, p_actor_role text,
  p_action text, p_entity_type text, p_entity_id text, p_ip text, p_request_id text,
  p_changes jsonb, p_details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    p_prev, p_seq::text, p_id::text, (extract(epoch FROM p_at) * 1000000)::bigint::text,
    coalesce(p_actor_id::text, ''), coalesce(p_actor_role, ''), p_action,
    coalesce(p_entity_type, ''), coalesce(p_entity_id, ''), coalesce(p_ip, ''),
    coalesce(p_request_id, ''), coalesce(p_changes::text, ''), coalesce(p_details::text, '')
  ), 'UTF8')), 'hex')
$$;

-- Writers take one transaction-scoped lock, so sequence numbers follow commit order and each
-- entry links to the one committed before it. Statements in a plpgsql function see rows
-- committed before they start (READ COMMITTED), which is what the app uses.
CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727270001);
  SELECT hash INTO last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
  NEW.seq := nextval('audit_entry_seq');
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.at, NEW.actor_id, NEW.actor_role,
    NEW.action, NEW.entity_type, NEW.entity_id, NEW.ip, NEW.request_id, NEW.changes, NEW.details);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

-- ---------------------------------------------------------------- case numbers
CREATE SEQUENCE case_number_seq AS bigint START 1;

-- ---------------------------------------------------------------- name folding
-- One key for a name however it was written: Serbian Cyrillic is transliterated to Latin,
-- Albanian and Serbian spellings of the same sounds are unified (gj/đ/dj -> dj, q/ć/č/ç -> c,
-- xh/x/dž -> dz, sh/š -> s, zh/ž -> z, ë -> e), then diacritics go and anything that is not a
-- letter or digit becomes one space. unaccent() is only STABLE; the two-argument form with an
-- explicit dictionary is safe to wrap as IMMUTABLE (the dictionary never changes here).
CREATE FUNCTION mprc_fold(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(
    public.unaccent('public.unaccent'::regdictionary,
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        translate(
          replace(replace(replace(replace(replace(replace(lower(input),
            'љ', 'lj'), 'њ', 'nj'), 'џ', 'dz'), 'ђ', 'dj'), 'ж', 'z'), 'ш', 's'),
          'абвгдезијклмнопрстћуфхцчћ',
          'abvgdezijklmnoprstcufhccc'),
        'đ', 'dj'), 'dž', 'dz'), 'xh', 'dz'), 'gj', 'dj'), 'zh', 'z'), 'sh', 's'),
        'ç', 'c'), 'q', 'c'), 'x', 'dz'), 'ë', 'e'), 'ch', 'c')),
    '[^a-z0-9]+', ' ', 'g'))
$$;

CREATE FUNCTION case_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := coalesce(mprc_fold(concat_ws(' ', NEW.first_name, NEW.last_name,
    NEW.father_name, array_to_string(NEW.other_names, ' '))), '');
  RETURN NEW;
END
$$;

CREATE TRIGGER case_search_text BEFORE INSERT OR UPDATE OF first_name, last_name, father_name, other_names
  ON "case" FOR EACH ROW EXECUTE FUNCTION case_search_text();
