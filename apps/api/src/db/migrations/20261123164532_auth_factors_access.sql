-- Grants, row-level security and the narrow definer functions of the authentication tables (see
-- app_role_and_rls). session_steps and auth_ceremonies are found by the hash of a random cookie
-- value, like sessions, before the organisation is known: they carry no row-level security.
GRANT SELECT, INSERT, UPDATE ON org_auth_settings, user_factors, recovery_codes, passkeys, session_steps,
  auth_ceremonies, oidc_providers, oidc_group_mappings, oidc_identities TO vindplaats_app;
--> statement-breakpoint
GRANT DELETE ON recovery_codes, auth_ceremonies, oidc_group_mappings TO vindplaats_app;
--> statement-breakpoint
ALTER TABLE org_auth_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON org_auth_settings TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE user_factors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON user_factors TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON recovery_codes TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE passkeys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON passkeys TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE oidc_providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON oidc_providers TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE oidc_group_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON oidc_group_mappings TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE oidc_identities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_isolation ON oidc_identities TO vindplaats_app USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Organisations that existed before second factors: the demo keeps signing in with the password
-- alone (the README says so); every other organisation gets the default rule.
INSERT INTO org_auth_settings (org_id, second_factor, updated_at)
  SELECT id, CASE WHEN is_demo THEN 'off' ELSE 'privileged' END, now() FROM organisations
  ON CONFLICT (org_id) DO NOTHING;
--> statement-breakpoint
-- A passkey sign-in learns the account from the credential: this answers one exact credential id.
CREATE OR REPLACE FUNCTION auth_passkey_by_credential(p_credential_id text)
RETURNS TABLE (id uuid, org_id uuid, user_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.org_id, p.user_id FROM passkeys p WHERE p.credential_id = p_credential_id AND p.removed_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_passkey_by_credential(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_passkey_by_credential(text) TO vindplaats_app;
--> statement-breakpoint
-- The sign-in screen offers "sign in with your organisation" before anyone is known: the enabled
-- providers' organisation slugs and button labels, nothing else.
CREATE OR REPLACE FUNCTION auth_oidc_organisations()
RETURNS TABLE (org_id uuid, slug text, label text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.id, o.slug, p.label FROM oidc_providers p JOIN organisations o ON o.id = p.org_id
   WHERE p.is_enabled ORDER BY p.label
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_oidc_organisations() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_oidc_organisations() TO vindplaats_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_org_by_slug(p_slug text)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.id FROM organisations o WHERE o.slug = p_slug
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_org_by_slug(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_org_by_slug(text) TO vindplaats_app;
