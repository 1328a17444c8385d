-- Grants and row-level security for figures and stories (see app_role_and_rls and
-- secrecy_row_security). Report jobs and their files are organisation-wide: they hold suppressed
-- figures only, and the service decides who sees which report. Stories belong to a team and follow
-- need-to-know like contacts; only the report job (purpose 'figures') reads them across teams.
GRANT SELECT, INSERT, UPDATE ON report_jobs, report_files, report_stories TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE report_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON report_jobs TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE report_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON report_files TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE report_stories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON report_stories TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON report_stories AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
-- The referral figures select by organisation and day proposed; referrals had no index for that.
CREATE INDEX IF NOT EXISTS referrals_org_proposed_idx ON referrals (org_id, proposed_on);
