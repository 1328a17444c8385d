-- Grants, organisation isolation and need-to-know for address cases and trajectories: every row
-- belongs to the team whose case or trajectory it is, and request transactions see their own teams'
-- rows only (see secrecy_row_security). Also: the foreign keys from referrals and tasks to cases and
-- trajectories (schema.ts cannot import schema-cases.ts back), and the intake-channel value list for
-- organisations that already exist (new ones get it from the defaults in code).
GRANT SELECT, INSERT, UPDATE ON cases, case_status_history, case_assignments, case_households, case_complainants, case_complaints, case_contacts, case_actions, trajectories, trajectory_participants, trajectory_partners, trajectory_goals, trajectory_steps, case_conferences, housing_checkpoints TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON cases TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON cases AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_status_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_status_history TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_status_history AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_assignments TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_assignments AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_households ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_households TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_households AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_complainants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_complainants TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_complainants AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_complaints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_complaints TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_complaints AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_contacts TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_contacts AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_actions TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_actions AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE trajectories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON trajectories TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON trajectories AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE trajectory_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON trajectory_participants TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON trajectory_participants AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE trajectory_partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON trajectory_partners TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON trajectory_partners AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE trajectory_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON trajectory_goals TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON trajectory_goals AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE trajectory_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON trajectory_steps TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON trajectory_steps AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE case_conferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON case_conferences TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON case_conferences AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE housing_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON housing_checkpoints TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY need_to_know ON housing_checkpoints AS RESTRICTIVE TO vindplaats_app
  USING (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()))
  WITH CHECK (app_purpose() <> 'request' OR team_id = ANY(app_team_ids()));
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
INSERT INTO value_lists (id, org_id, list, code, labels, sort)
SELECT gen_random_uuid(), o.id, 'intake_channel', v.code, v.labels::jsonb, v.sort
  FROM organisations o
 CROSS JOIN (VALUES ('local_police', '{"nl": "Lokale politie (wijkpolitie)", "en": "Local police", "fr": "Police locale"}', 10),
       ('city_services', '{"nl": "Andere stadsdiensten", "en": "Other city services", "fr": "Autres services de la ville"}', 20),
       ('policy', '{"nl": "Beleid", "en": "Policy", "fr": "Politique"}', 30),
       ('integration_agency', '{"nl": "Agentschap Integratie en Inburgering", "en": "Integration agency", "fr": "Agence d''intégration"}', 40),
       ('street_work', '{"nl": "Straathoekwerk", "en": "Street work", "fr": "Travail de rue"}', 50),
       ('community_work', '{"nl": "Buurtwerk", "en": "Community work", "fr": "Travail de quartier"}', 60),
       ('own_contacts', '{"nl": "Eigen contacten", "en": "Own contacts", "fr": "Contacts propres"}', 70),
       ('schools', '{"nl": "Scholen", "en": "Schools", "fr": "Écoles"}', 80),
       ('youth_welfare_agency', '{"nl": "Agentschap Jongerenwelzijn", "en": "Youth welfare agency", "fr": "Agence de l''aide à la jeunesse"}', 90),
       ('volunteers', '{"nl": "Vrijwilligers", "en": "Volunteers", "fr": "Bénévoles"}', 100),
       ('police', '{"nl": "Politie (andere diensten)", "en": "Police (other units)", "fr": "Police (autres services)"}', 110),
       ('other', '{"nl": "Andere", "en": "Other", "fr": "Autre"}', 120)) AS v(code, labels, sort)
ON CONFLICT (org_id, list, code) DO NOTHING;
