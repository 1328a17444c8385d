-- Person search by nickname fragment. Under row-level security PostgreSQL may not use the trigram
-- index for LIKE (the operator is not leakproof), so a search over a million persons scanned them
-- all. This definer function applies the same need-to-know rule itself (the organisation, and
-- persons known to or owned by the caller's teams, from app.team_ids) and returns only ids; the
-- caller then reads those rows under row-level security as usual.
CREATE OR REPLACE FUNCTION person_search_ids(p_fragment text, p_neighbourhood uuid, p_after_nick text, p_after_id uuid, p_limit integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT p.id FROM persons p
      WHERE p.org_id = app_org_id() AND p.is_active'
    || CASE WHEN p_fragment IS NULL THEN '' ELSE ' AND p.nickname_norm LIKE ''%'' || $1 || ''%''' END
    || CASE WHEN p_neighbourhood IS NULL THEN '' ELSE ' AND p.usual_neighbourhood_id = $2' END
    || CASE WHEN p_after_nick IS NULL THEN '' ELSE ' AND (p.nickname_norm, p.id) > ($3, $4)' END
    || ' AND (p.owner_team_id = ANY(app_team_ids())
              OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p.id AND pt.team_id = ANY(app_team_ids())))
      ORDER BY p.nickname_norm, p.id LIMIT $5'
    USING p_fragment, p_neighbourhood, p_after_nick, p_after_id, p_limit;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION person_search_ids(text, uuid, text, uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION person_search_ids(text, uuid, text, uuid, integer) TO vindplaats_app;
