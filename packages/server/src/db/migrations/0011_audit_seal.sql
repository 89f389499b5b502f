-- Keyed seal of the audit chain (SECURITY 34). Each row's `hash` stays the plain SHA-256 chain computed
-- here under the advisory lock; the app adds `mac` = HMAC(key, id:hash) with a key that never enters the
-- database. `hash` covers the previous row's hash, so a row's seal vouches for the whole chain up to it:
-- an owner or superuser can still recompute plain hashes, but not seals. Rows from before this migration
-- have no seal; from the first sealed row on, every row must carry one.
ALTER TABLE audit_log ADD COLUMN mac text;

-- Same append as 0001, now answering the new row's id and hash (the app seals it next, in the same
-- transaction, while the advisory lock is still held).
DROP FUNCTION audit_append(timestamptz, uuid, text, text[], text, text, text, text, text, jsonb, jsonb);
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_username text, p_actor_roles text[], p_action text,
  p_object_type text, p_object_id text, p_result text, p_client_address text, p_before jsonb, p_after jsonb,
  OUT audit_id bigint, OUT audit_hash text
)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_row audit_log;
BEGIN
  PERFORM pg_advisory_xact_lock(727201);
  SELECT coalesce((SELECT a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1), '') INTO v_row.prev_hash;
  v_row.id := nextval('audit_log_id_seq');
  v_row.at := p_at; v_row.actor_id := p_actor_id; v_row.actor_username := p_actor_username;
  v_row.actor_roles := coalesce(p_actor_roles, '{}'); v_row.action := p_action; v_row.object_type := p_object_type;
  v_row.object_id := p_object_id; v_row.result := p_result; v_row.client_address := p_client_address;
  v_row.before := p_before; v_row.after := p_after;
  v_row.hash := audit_row_hash(v_row);
  INSERT INTO audit_log SELECT v_row.*;
  audit_id := v_row.id;
  audit_hash := v_row.hash;
END $$;

-- Seal the row just appended: only the last row of the chain, only once (SECURITY DEFINER, reviewed).
CREATE FUNCTION audit_seal(p_id bigint, p_mac text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727201);
  UPDATE audit_log SET mac = p_mac
   WHERE id = p_id AND mac IS NULL AND id = (SELECT max(a.id) FROM audit_log a);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_seal: row % is not the unsealed last row of the audit chain', p_id;
  END IF;
END $$;

-- The last row's id, hash and seal, and the hash and seal of the row recorded as head outside the
-- database (nothing of any row's content): what the app needs to move that copy forward, and only when the
-- chain still holds the recorded row (SECURITY DEFINER, reviewed: the app role cannot read the log).
CREATE FUNCTION audit_head(p_recorded_id bigint,
  OUT head_id bigint, OUT head_hash text, OUT head_mac text, OUT recorded_hash text, OUT recorded_mac text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.id, l.hash, l.mac, r.hash, r.mac
    FROM (SELECT a.id, a.hash, a.mac FROM audit_log a ORDER BY a.id DESC LIMIT 1) l
    LEFT JOIN audit_log r ON r.id = p_recorded_id $$;

REVOKE ALL ON FUNCTION audit_append FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append TO ganbu_app;
REVOKE ALL ON FUNCTION audit_seal FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal TO ganbu_app;
REVOKE ALL ON FUNCTION audit_head FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_head TO ganbu_app;
