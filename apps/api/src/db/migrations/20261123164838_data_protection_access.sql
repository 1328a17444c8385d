-- Grants and organisation isolation for data subject rights (see app_role_and_rls). The DPO's
-- requests run as the app role: restrictions are written there, an anonymisation on request is
-- recorded next to the retention job's (person_anonymisations), and anonymising deletes the
-- person's protected notes. Nothing here lets the app delete history or audit rows.
GRANT SELECT, INSERT, UPDATE ON person_restrictions TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE person_restrictions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON person_restrictions TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
GRANT INSERT ON person_anonymisations TO vindplaats_app;
--> statement-breakpoint
GRANT DELETE ON person_notes TO vindplaats_app;
