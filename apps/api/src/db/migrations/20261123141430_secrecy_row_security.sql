-- Need-to-know as a database backstop. Request transactions carry the actor's teams in app.team_ids;
-- restrictive policies (AND-ed with organisation isolation) hide person, contact and note rows of
-- other teams unless shared with the actor's team or the actor, or opened through break-the-glass.
-- Only code that computes suppressed figures ('figures') or runs an audited system step ('system')
-- widens this, through app.purpose.
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_team_ids() RETURNS uuid[]
LANGUAGE sql STABLE AS $$ SELECT coalesce(string_to_array(nullif(current_setting('app.team_ids', true), ''), ',')::uuid[], '{}'::uuid[]) $$;
--> statement-breakpoint
-- The application's clock (tests move it); falls back to the database clock.
CREATE OR REPLACE FUNCTION app_now() RETURNS timestamptz
LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_purpose() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('app.purpose', true), ''), 'request') $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON person_shares, break_glass TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE person_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON person_shares TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE break_glass ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON break_glass TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_may_see_person(p_id uuid, p_owner uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT p_owner = ANY(app_team_ids())
      OR EXISTS (SELECT 1 FROM person_teams pt WHERE pt.person_id = p_id AND pt.team_id = ANY(app_team_ids()))
      OR EXISTS (SELECT 1 FROM person_shares s WHERE s.person_id = p_id AND s.revoked_at IS NULL
                   AND (s.expires_at IS NULL OR s.expires_at > app_now())
                   AND (s.to_team_id = ANY(app_team_ids()) OR s.to_user_id = app_user_id()))
      OR EXISTS (SELECT 1 FROM break_glass b WHERE b.person_id = p_id AND b.user_id = app_user_id() AND b.expires_at > app_now())
$$;
--> statement-breakpoint
CREATE POLICY need_to_know ON persons AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR app_may_see_person(id, owner_team_id))
  WITH CHECK (app_purpose() <> 'request' OR app_may_see_person(id, owner_team_id));
--> statement-breakpoint
CREATE POLICY need_to_know ON contacts AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
CREATE POLICY need_to_know ON contact_persons AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id))
  WITH CHECK (app_purpose() <> 'request' OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = contact_id));
--> statement-breakpoint
CREATE POLICY need_to_know ON person_notes AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids())
         OR EXISTS (SELECT 1 FROM person_shares s WHERE s.person_id = person_notes.person_id AND s.revoked_at IS NULL
                      AND 'notes' = ANY(s.field_classes) AND (s.expires_at IS NULL OR s.expires_at > app_now())
                      AND (s.to_team_id = ANY(app_team_ids()) OR s.to_user_id = app_user_id())))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
CREATE POLICY need_to_know ON referrals AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
CREATE POLICY need_to_know ON tasks AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
CREATE POLICY need_to_know ON person_history AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR EXISTS (SELECT 1 FROM persons p WHERE p.id = person_id))
  WITH CHECK (app_purpose() <> 'request' OR EXISTS (SELECT 1 FROM persons p WHERE p.id = person_id));
--> statement-breakpoint
-- Duplicate suggestions must see persons of other teams, but only these non-content columns.
CREATE OR REPLACE FUNCTION person_similar(p_norm text, p_exclude uuid)
RETURNS TABLE (id uuid, nickname_norm text, birth_year integer, usual_neighbourhood_id uuid, usual_place_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.nickname_norm, p.birth_year, p.usual_neighbourhood_id, p.usual_place_id
    FROM persons p
   WHERE p.org_id = app_org_id() AND p.is_active AND p.nickname_norm % p_norm AND p.id IS DISTINCT FROM p_exclude
   ORDER BY similarity(p.nickname_norm, p_norm) DESC
   LIMIT 20
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION person_similar(text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION person_similar(text, uuid) TO vindplaats_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_events FROM vindplaats_app;
