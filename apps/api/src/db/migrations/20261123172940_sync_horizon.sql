-- The change feed without one writer at a time (decision 0013). Writers of an organisation's changes
-- now hold a shared lock until commit (sync/changes.ts), so they no longer queue behind each other;
-- rows may therefore commit out of seq order. A pull reads only up to this horizon: it waits for
-- the writers in flight (the exclusive lock waits for every shared holder), reads the highest seq,
-- and gives the lock back at once by rolling back the inner block. Every seq at or below the
-- horizon is then committed or never will be, so a cursor never skips a late commit.
CREATE OR REPLACE FUNCTION sync_horizon(p_org uuid) RETURNS bigint
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  v_seq bigint;
BEGIN
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_org::text, 8));
    -- A new statement, so a new snapshot: the writers just waited for are seen.
    SELECT coalesce(max(seq), 0) INTO v_seq FROM sync_changes WHERE org_id = p_org;
    RAISE EXCEPTION USING ERRCODE = 'VPH01', MESSAGE = 'sync_horizon releases its lock';
  EXCEPTION WHEN SQLSTATE 'VPH01' THEN
    NULL;
  END;
  RETURN v_seq;
END
$$;
