-- Person search at scale (decision 0013). A search returns, in nickname order, the active persons the
-- caller's teams know whose nickname contains a fragment. Testing every trigram-index match against
-- the team rule and sorting them all took a second at a million persons. Every nickname that contains
-- a fragment contains the fragment's first three letters, so person_trigrams lists each active
-- nickname under each of its three-letter pieces, in nickname order: a search walks one such list and
-- stops after a page of visible matches. Triggers on persons keep the table; only the definer search
-- function reads it (the application role has no grant on it).
CREATE TABLE person_trigrams (
  org_id uuid NOT NULL,
  trigram text NOT NULL,
  nickname_norm text NOT NULL,
  person_id uuid NOT NULL
);
--> statement-breakpoint
INSERT INTO person_trigrams (org_id, trigram, nickname_norm, person_id)
SELECT DISTINCT p.org_id, substr(p.nickname_norm, i, 3), p.nickname_norm, p.id
  FROM persons p, generate_series(1, length(p.nickname_norm) - 2) AS i
 WHERE p.is_active
 ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
ALTER TABLE person_trigrams ADD CONSTRAINT person_trigrams_pk PRIMARY KEY (org_id, trigram, nickname_norm, person_id);
--> statement-breakpoint
ALTER TABLE person_trigrams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON person_trigrams FROM vindplaats_app;
--> statement-breakpoint
-- Listing without a fragment (or with one or two letters) walks the organisation's nicknames in order.
CREATE INDEX persons_nickname_idx ON persons (org_id, nickname_norm, id) WHERE is_active;
--> statement-breakpoint
-- Statistics now, not at autovacuum's leisure: without them a walk may be planned as a sort.
ANALYZE person_trigrams;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION person_trigrams_add(p_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO person_trigrams (org_id, trigram, nickname_norm, person_id)
  SELECT DISTINCT p.org_id, substr(p.nickname_norm, i, 3), p.nickname_norm, p.id
    FROM persons p, generate_series(1, length(p.nickname_norm) - 2) AS i
   WHERE p.id = ANY(p_ids) AND p.is_active
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION person_trigrams_add(uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- New persons: statement-level, so bulk inserts (imports, demo data) stay one statement.
CREATE OR REPLACE FUNCTION person_trigrams_on_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO person_trigrams (org_id, trigram, nickname_norm, person_id)
  SELECT DISTINCT n.org_id, substr(n.nickname_norm, i, 3), n.nickname_norm, n.id
    FROM new_rows n, generate_series(1, length(n.nickname_norm) - 2) AS i
   WHERE n.is_active
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_trigrams_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_trigrams_on_insert();
--> statement-breakpoint
-- A renamed, merged, reactivated, anonymised or deleted person: rebuild that person's rows.
CREATE OR REPLACE FUNCTION person_trigrams_on_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- The old row names its keys: no index on person_id is needed.
  DELETE FROM person_trigrams t
   WHERE t.org_id = OLD.org_id AND t.nickname_norm = OLD.nickname_norm AND t.person_id = OLD.id
     AND t.trigram IN (SELECT substr(OLD.nickname_norm, i, 3) FROM generate_series(1, length(OLD.nickname_norm) - 2) AS i);
  IF TG_OP = 'UPDATE' THEN
    PERFORM person_trigrams_add(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_trigrams_update AFTER UPDATE OF id, org_id, nickname_norm, is_active ON persons
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.org_id IS DISTINCT FROM NEW.org_id
                     OR OLD.nickname_norm IS DISTINCT FROM NEW.nickname_norm OR OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION person_trigrams_on_change();
--> statement-breakpoint
CREATE TRIGGER person_trigrams_delete AFTER DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION person_trigrams_on_change();
--> statement-breakpoint
-- Same contract as before: ids of active persons the caller's teams know (owner team or person_teams),
-- in nickname order after the cursor. With three letters or more, one trigram list is walked; with
-- fewer, the organisation's nicknames. The team rule is checked only for the nicknames walked past.
-- EXECUTE plans each search for its own values, so a walk is never replaced by a sort of the list.
CREATE OR REPLACE FUNCTION person_search_ids(p_fragment text, p_neighbourhood uuid, p_after_nick text, p_after_id uuid, p_limit integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_known constant text := ' AND p.is_active AND ($5::uuid IS NULL OR p.usual_neighbourhood_id = $5)
       AND (p.owner_team_id = ANY($6) OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY($6)))';
BEGIN
  IF length(p_fragment) >= 3 THEN
    RETURN QUERY EXECUTE
      'SELECT t.person_id FROM person_trigrams t JOIN persons p ON p.id = t.person_id
        WHERE t.org_id = $1 AND t.trigram = left($2, 3) AND (t.nickname_norm, t.person_id) > ($3, $4)
          AND t.nickname_norm LIKE ''%'' || $2 || ''%''' || v_known || '
        ORDER BY t.nickname_norm, t.person_id LIMIT $7'
      USING app_org_id(), p_fragment, coalesce(p_after_nick, ''), coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'),
            p_neighbourhood, app_team_ids(), p_limit;
  ELSE
    RETURN QUERY EXECUTE
      'SELECT p.id FROM persons p
        WHERE p.org_id = $1 AND (p.nickname_norm, p.id) > ($3, $4)
          AND ($2 IS NULL OR p.nickname_norm LIKE ''%'' || $2 || ''%'')' || v_known || '
        ORDER BY p.nickname_norm, p.id LIMIT $7'
      USING app_org_id(), p_fragment, coalesce(p_after_nick, ''), coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'),
            p_neighbourhood, app_team_ids(), p_limit;
  END IF;
END
$$;
