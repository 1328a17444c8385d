// Administration > Security: who must give a second factor, the organisation's OpenID Connect
// provider and the table that maps its groups to organisation roles and team memberships.
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { GroupMapping, OidcSettingsView, SecondFactorRule } from "@vindplaats/contracts";
import { ORG_ROLES, TEAM_ROLES } from "@vindplaats/domain";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import { Banner, Card, PageHeader } from "../../../ui/misc.tsx";
import { securityApi } from "../../security/security-api.ts";
import "../../security/security.css";

export function SecurityAdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("securityAdmin.title")} />
      <RuleCard />
      <OidcCard />
    </>
  );
}

function RuleCard() {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: ["security", "rule"], queryFn: securityApi.rule });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rule = String(new FormData(event.currentTarget).get("secondFactor")) as SecondFactorRule;
    setError(null);
    try {
      await securityApi.setRule(rule);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  if (!data) return null;
  return (
    <Card aria-labelledby="rule-title">
      <form className="form narrow" onSubmit={submit}>
        <h2 id="rule-title">{t("securityAdmin.rule")}</h2>
        <FormError error={error} />
        {saved ? (
          <Banner tone="success" role="status">
            {t("securityAdmin.saved")}
          </Banner>
        ) : null}
        <SelectField
          label={t("securityAdmin.rule")}
          name="secondFactor"
          defaultValue={data.secondFactor}
          options={(["privileged", "everyone", "off"] as const).map((r) => ({
            value: r,
            label: t(`securityAdmin.rules.${r}`),
          }))}
        />
        <Button type="submit" variant="primary">
          {t("securityAdmin.save")}
        </Button>
      </form>
    </Card>
  );
}

function OidcCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: ["security", "oidc"], queryFn: securityApi.oidc });
  const { data: teams } = useSuspenseQuery(teamsQuery(false));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [rows, setRows] = useState<GroupMapping[]>([]);
  const fieldErrors = useFieldErrors(error);
  useEffect(() => {
    if (data) setRows(data.mappings.map(({ id: _id, ...m }) => m));
  }, [data]);

  const store = (view: OidcSettingsView) => {
    queryClient.setQueryData(["security", "oidc"], view);
    setSaved(true);
  };
  const saveProvider = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const secret = String(form.get("clientSecret") ?? "");
    setError(null);
    setSaved(false);
    try {
      store(
        await securityApi.setProvider({
          label: String(form.get("label") ?? ""),
          issuer: String(form.get("issuer") ?? ""),
          clientId: String(form.get("clientId") ?? ""),
          ...(secret ? { clientSecret: secret } : {}),
          groupsClaim: String(form.get("groupsClaim") ?? "groups"),
          isEnabled: form.get("isEnabled") === "on",
          trustIdpMfa: form.get("trustIdpMfa") === "on",
        }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const saveMappings = async () => {
    setError(null);
    setSaved(false);
    try {
      store(await securityApi.setMappings(rows));
    } catch (e) {
      setError(e);
    }
  };
  const update = (i: number, patch: Partial<GroupMapping>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (!data) return null;
  const p = data.provider;
  const none = { value: "", label: t("securityAdmin.none") };

  return (
    <>
      <Card aria-labelledby="oidc-title">
        <form className="form narrow" onSubmit={saveProvider} noValidate key={p?.issuer ?? "new"}>
          <h2 id="oidc-title">{t("securityAdmin.oidc")}</h2>
          {data.source === "config" ? <p className="card-sub">{t("securityAdmin.oidcFromConfig")}</p> : null}
          <FormError error={error} />
          {saved ? (
            <Banner tone="success" role="status">
              {t("securityAdmin.saved")}
            </Banner>
          ) : null}
          <TextField label={t("securityAdmin.redirectUri")} value={data.redirectUri} readOnly />
          <TextField
            label={t("securityAdmin.label")}
            name="label"
            defaultValue={p?.label ?? ""}
            error={fieldErrors.label}
          />
          <TextField
            label={t("securityAdmin.issuer")}
            name="issuer"
            type="url"
            defaultValue={p?.issuer ?? ""}
            error={fieldErrors.issuer}
          />
          <TextField
            label={t("securityAdmin.clientId")}
            name="clientId"
            defaultValue={p?.clientId ?? ""}
            error={fieldErrors.clientId}
          />
          <TextField
            label={t("securityAdmin.clientSecret")}
            name="clientSecret"
            type="password"
            autoComplete="off"
            hint={p?.hasClientSecret ? t("securityAdmin.clientSecretKept") : undefined}
          />
          <TextField
            label={t("securityAdmin.groupsClaim")}
            name="groupsClaim"
            defaultValue={p?.groupsClaim ?? "groups"}
          />
          <label className="check">
            <input type="checkbox" name="isEnabled" defaultChecked={p?.isEnabled ?? true} />{" "}
            {t("securityAdmin.enabled")}
          </label>
          <label className="check">
            <input type="checkbox" name="trustIdpMfa" defaultChecked={p?.trustIdpMfa ?? false} />{" "}
            {t("securityAdmin.trustMfa")}
          </label>
          <Button type="submit" variant="primary">
            {t("securityAdmin.save")}
          </Button>
        </form>
      </Card>
      <Card aria-labelledby="mappings-title">
        <div className="form">
          <h2 id="mappings-title">{t("securityAdmin.mappings")}</h2>
          <p className="card-sub">{t("securityAdmin.mappingsIntro")}</p>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <div className="mapping-row" key={i}>
              <TextField
                label={t("securityAdmin.group")}
                value={row.groupName}
                onChange={(e) => update(i, { groupName: e.target.value })}
              />
              <SelectField
                label={t("securityAdmin.orgRole")}
                value={row.orgRole ?? ""}
                onChange={(e) => update(i, { orgRole: (e.target.value || null) as GroupMapping["orgRole"] })}
                options={[none, ...ORG_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
              />
              <SelectField
                label={t("securityAdmin.team")}
                value={row.teamId ?? ""}
                onChange={(e) => update(i, { teamId: e.target.value || null })}
                options={[none, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
              />
              <SelectField
                label={t("securityAdmin.teamRole")}
                value={row.teamRole ?? ""}
                onChange={(e) => update(i, { teamRole: (e.target.value || null) as GroupMapping["teamRole"] })}
                options={[none, ...TEAM_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
              />
              <Button size="sm" variant="ghost" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t("securityAdmin.removeMapping")}
              </Button>
            </div>
          ))}
          <div>
            <Button onClick={() => setRows([...rows, { groupName: "", orgRole: null, teamId: null, teamRole: null }])}>
              {t("securityAdmin.addMapping")}
            </Button>{" "}
            <Button variant="primary" onClick={() => void saveMappings()}>
              {t("securityAdmin.save")}
            </Button>
          </div>
        </div>
      </Card>
    </>
  );
}
