ALTER TABLE "audit_events" ADD COLUMN "chain" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_org_chain_seq_idx" ON "audit_events" USING btree ("org_id","chain","seq");--> statement-breakpoint
-- Appends audit rows in one statement (decision 0013). The organisation's trail is a set of hash
-- chains: a writer takes the first free chain lock (0 first, so a quiet organisation uses chain 0
-- only), keeps it until commit, and links its rows after that chain's head. Every row still links to
-- the previous row of its chain, so an edit or a deletion breaks a link as before. p_rows carry each
-- row's canonical JSON without its last member (prevHash), as chain.ts computes it; the hash is
-- completed here, once the head is known.
CREATE OR REPLACE FUNCTION audit_append(p_org uuid, p_rows jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  v_chains constant integer := 16;
  v_held text := current_setting('app.audit_chain', true);
  v_chain integer;
  v_prev text;
  v_hash text;
  r jsonb;
BEGIN
  IF v_held LIKE p_org::text || ':%' THEN
    v_chain := split_part(v_held, ':', 2)::integer;
  ELSE
    FOR i IN 0 .. v_chains - 1 LOOP
      IF pg_try_advisory_xact_lock(hashtextextended(p_org::text || CASE WHEN i = 0 THEN '' ELSE ':' || i END, 7)) THEN
        v_chain := i;
        EXIT;
      END IF;
    END LOOP;
    IF v_chain IS NULL THEN
      v_chain := pg_backend_pid() % v_chains;
      PERFORM pg_advisory_xact_lock(hashtextextended(p_org::text || CASE WHEN v_chain = 0 THEN '' ELSE ':' || v_chain END, 7));
    END IF;
    PERFORM set_config('app.audit_chain', p_org::text || ':' || v_chain, true);
  END IF;
  -- A new statement, so a new snapshot: the head committed by the lock's previous holder is seen.
  SELECT a.hash INTO v_prev FROM audit_events a WHERE a.org_id = p_org AND a.chain = v_chain ORDER BY a.seq DESC LIMIT 1;
  FOR r IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
    v_hash := encode(sha256(convert_to((r->>'prefix') || ',"prevHash":' || coalesce(to_json(v_prev)::text, 'null') || '}', 'UTF8')), 'hex');
    INSERT INTO audit_events (id, org_id, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash, chain)
    VALUES ((r->>'id')::uuid, p_org, (r->>'at')::timestamptz, (r->>'actorUserId')::uuid, r->>'action', r->>'entityType',
            (r->>'entityId')::uuid, r->'details', v_prev, v_hash, v_chain);
    v_prev := v_hash;
  END LOOP;
END
$$;
