import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Logo } from "../../ui/logo.tsx";
import { Banner, Card } from "../../ui/misc.tsx";
import { LanguageSwitcher } from "../shell/switchers.tsx";
import { safeRedirect } from "./redirect.ts";
import { useSessionActions } from "./session.ts";

const route = getRouteApi("/sign-in");

const REASONS: Record<string, "auth.sessionExpired" | "auth.signedOut" | "auth.signedOutEverywhere"> = {
  session_expired: "auth.sessionExpired",
  unauthenticated: "auth.sessionExpired",
  signed_out: "auth.signedOut",
  signed_out_everywhere: "auth.signedOutEverywhere",
};

export function SignInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { signIn } = useSessionActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldErrors = useFieldErrors(error);
  const reason = search.reason ? REASONS[search.reason] : undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
      await navigate({ to: safeRedirect(search.redirect) });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <div className="auth-brand">
        <Logo size={52} />
        <p>{t("app.tagline")}</p>
      </div>
      <Card className="auth-card" aria-labelledby="sign-in-title">
        <form className="form" onSubmit={submit} noValidate>
          <div>
            <h1 id="sign-in-title">{t("auth.title")}</h1>
            <p className="page-intro">{t("auth.intro")}</p>
          </div>
          {reason && !error ? <Banner role="status">{t(reason)}</Banner> : null}
          <FormError error={error} />
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            error={fieldErrors.email}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldErrors.password}
          />
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t("auth.submitting") : t("auth.submit")}
          </Button>
        </form>
      </Card>
      <div className="auth-foot">
        <LanguageSwitcher signedIn={false} />
      </div>
    </main>
  );
}
