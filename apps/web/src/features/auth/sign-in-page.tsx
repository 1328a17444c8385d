import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { AuthMethodsView, SessionView } from "@vindplaats/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Logo } from "../../ui/logo.tsx";
import { Banner, Card } from "../../ui/misc.tsx";
import { isCeremonyAbort, securityApi } from "../security/security-api.ts";
import "../security/security.css";
import { LanguageSwitcher } from "../shell/switchers.tsx";
import { safeRedirect } from "./redirect.ts";
import { useSessionActions } from "./session.ts";

const route = getRouteApi("/sign-in");

const REASONS = {
  session_expired: "auth.sessionExpired",
  unauthenticated: "auth.sessionExpired",
  signed_out: "auth.signedOut",
  signed_out_everywhere: "auth.signedOutEverywhere",
  oidc_failed: "signInMore.oidc_failed",
  oidc_no_access: "signInMore.oidc_no_access",
  oidc_not_configured: "signInMore.oidc_not_configured",
} as const;

/** Where the app goes once the password (or a passkey) is accepted. */
function nextPath(view: SessionView, redirectTo: string | undefined): string {
  if (view.pending) return view.pending.step === "enrolment" ? "/sign-in/enrol" : "/sign-in/verify";
  return safeRedirect(redirectTo);
}

export function SignInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { signIn, adopt } = useSessionActions();
  const [methods, setMethods] = useState<AuthMethodsView["oidc"]>([]);
  useEffect(() => {
    securityApi.methods().then(
      (m) => setMethods(m.oidc),
      () => setMethods([]),
    );
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldErrors = useFieldErrors(error);
  const reason = search.reason && search.reason in REASONS ? REASONS[search.reason as keyof typeof REASONS] : undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const view = await signIn(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
      await navigate({ to: nextPath(view, search.redirect) });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = adopt(await securityApi.signInWithPasskey());
      await navigate({ to: nextPath(view, search.redirect) });
    } catch (e) {
      if (!isCeremonyAbort(e)) setError(e);
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
        <div className="form sign-in-more">
          <p className="divider">{t("signInMore.or")}</p>
          <Button onClick={() => void withPasskey()} disabled={busy}>
            {t("signInMore.passkey")}
          </Button>
          {methods.map((m) => (
            <a
              key={m.orgSlug}
              className="btn btn-secondary"
              href={`/api/v1/auth/oidc/start?org=${encodeURIComponent(m.orgSlug)}`}
            >
              {methods.length === 1 ? t("signInMore.oidc") : t("signInMore.oidcWith", { label: m.label })}
            </a>
          ))}
        </div>
      </Card>
      <div className="auth-foot">
        <LanguageSwitcher signedIn={false} />
      </div>
    </main>
  );
}
