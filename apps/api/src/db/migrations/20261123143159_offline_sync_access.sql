-- Grants and organisation isolation for the offline-sync tables.;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON devices, sync_mutations, sync_review, sync_changes TO vindplaats_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON devices TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE sync_mutations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON sync_mutations TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE sync_review ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON sync_review TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE sync_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON sync_changes TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- A device belongs to its user: nobody else reads its key.
CREATE POLICY own_device ON devices AS RESTRICTIVE TO vindplaats_app USING (app_purpose() <> 'request' OR user_id = app_user_id()) WITH CHECK (app_purpose() <> 'request' OR user_id = app_user_id());
