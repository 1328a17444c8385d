// Own account: language (saved with the account), password change and "sign out everywhere".

import { useNavigate } from "@tanstack/react-router";
import { MIN_PASSWORD_LENGTH } from "@vindplaats/contracts";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Banner, Card, PageHeader } from "../../ui/misc.tsx";
import { useSession, useSessionActions } from "../auth/session.ts";
import { SecurityCard } from "../security/security-card.tsx";

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = [
    ...session.user.orgRoles.map((r) => t(`role.${r}`)),
    ...session.memberships.map((m) => `${t(`role.${m.role}`)} · ${m.teamName}`),
  ];
  return (
    <div className="stack account">
      <PageHeader title={t("account.title")} />
      <Card aria-labelledby="profile-title">
        <h2 id="profile-title">{t("account.profile")}</h2>
        <dl className="facts">
          <dt>{t("admin.users.displayName")}</dt>
          <dd>{session.user.displayName}</dd>
          <dt>{t("admin.users.email")}</dt>
          <dd>{session.user.email}</dd>
          <dt>{t("account.organisation")}</dt>
          <dd>{session.organisation.name}</dd>
          <dt>{t("admin.users.orgRoles")}</dt>
          <dd>{roles.join(", ") || "—"}</dd>
        </dl>
      </Card>
      <PasswordCard />
      <SecurityCard />
      <SessionsCard />
    </div>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const fieldErrors = useFieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.post("/api/v1/auth/password", {
        currentPassword: String(form.get("currentPassword") ?? ""),
        newPassword: String(form.get("newPassword") ?? ""),
      });
      formElement.reset();
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card aria-labelledby="password-title">
      <form className="form narrow" onSubmit={submit} noValidate>
        <div>
          <h2 id="password-title">{t("account.password")}</h2>
          <p className="card-sub">{t("account.passwordHint")}</p>
        </div>
        {done ? (
          <Banner tone="success" role="status">
            {t("account.passwordChanged")}
          </Banner>
        ) : null}
        <FormError error={error} />
        <TextField
          label={t("account.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.currentPassword}
        />
        <TextField
          label={t("account.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          hint={t("account.newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
          error={fieldErrors.newPassword}
        />
        <div>
          <Button type="submit" variant="primary" busy={busy}>
            {t("account.changePassword")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const actions = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const signOutEverywhere = async () => {
    if (!window.confirm(t("account.confirmSignOutEverywhere"))) return;
    try {
      await actions.signOutEverywhere();
      await navigate({ to: "/sign-in", search: { reason: "signed_out_everywhere" } });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessions")}</h2>
      <p className="card-sub">{t("account.sessionsHint")}</p>
      <FormError error={error} />
      <div style={{ marginTop: "1rem" }}>
        <Button variant="danger" onClick={() => void signOutEverywhere()}>
          {t("account.signOutEverywhere")}
        </Button>
      </div>
    </Card>
  );
}
