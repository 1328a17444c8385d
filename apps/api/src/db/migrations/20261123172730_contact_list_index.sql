-- Coordinator lists at scale. A list page is a walk of one team's contacts newest first, filtered by
-- life domain or action; this index answers the walk index-only (the row-level security columns
-- org_id and team_id included), so only the page's own rows are read from the table. Lists of
-- several teams merge one walk per team (contacts.repo.ts).
CREATE INDEX contacts_list_idx ON contacts (team_id, started_at DESC, id DESC) INCLUDE (org_id, life_domains, actions) WHERE NOT is_removed;
--> statement-breakpoint
-- The same policies as before, with the settings read once per statement (an InitPlan) instead of
-- parsed again for every row a list walks past.
ALTER POLICY org_isolation ON contacts USING (org_id = (SELECT app_org_id())) WITH CHECK (org_id = (SELECT app_org_id()));
--> statement-breakpoint
ALTER POLICY need_to_know ON contacts
  USING ((SELECT app_purpose()) <> 'request' OR team_id = ANY ((SELECT app_team_ids())::uuid[]))
  WITH CHECK ((SELECT app_purpose()) <> 'request' OR team_id = ANY ((SELECT app_team_ids())::uuid[]));
