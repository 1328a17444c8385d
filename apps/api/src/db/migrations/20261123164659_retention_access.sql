-- Grants and organisation isolation for retention (see app_role_and_rls). Administrators edit the
-- periods and read the runs through the app role; the retention job itself works as the owner,
-- one organisation at a time, and is the only writer of runs and anonymisations.
GRANT SELECT, INSERT, UPDATE ON retention_policies TO vindplaats_app;
--> statement-breakpoint
GRANT SELECT ON retention_runs, person_anonymisations TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE retention_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON retention_policies TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE retention_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON retention_runs TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE person_anonymisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON person_anonymisations TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
