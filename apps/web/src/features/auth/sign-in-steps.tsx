// The steps after the password: the second factor (a code, a recovery code or a passkey) and the
// enrolment of a first factor. Until one is given the session reaches nothing else.
import { useNavigate } from "@tanstack/react-router";
import type { SessionView } from "@vindplaats/contracts";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Logo } from "../../ui/logo.tsx";
import { Card } from "../../ui/misc.tsx";
import { isCeremonyAbort, securityApi } from "../security/security-api.ts";
import { TotpEnrolment } from "../security/totp-enrolment.tsx";
import { useSession, useSessionActions } from "./session.ts";

function StepFrame({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { signOut } = useSessionActions();
  const navigate = useNavigate();
  return (
    <main className="auth-page">
      <div className="auth-brand">
        <Logo size={52} />
      </div>
      <Card className="auth-card" aria-labelledby="step-title">
        <div className="form">
          <div>
            <h1 id="step-title">{title}</h1>
            <p className="page-intro">{intro}</p>
          </div>
          {children}
          <Button
            variant="ghost"
            onClick={async () => {
              await signOut();
              await navigate({ to: "/sign-in", search: { reason: "signed_out" } });
            }}
          >
            {t("secondStep.cancel")}
          </Button>
        </div>
      </Card>
    </main>
  );
}

function useFinish() {
  const { adopt } = useSessionActions();
  const navigate = useNavigate();
  return async (view: SessionView | null) => {
    if (view) adopt(view);
    await navigate({ to: "/" });
  };
}

export function SecondStepPage() {
  const { t } = useTranslation();
  const session = useSession();
  const finish = useFinish();
  const methods = session.pending?.methods ?? [];
  const [recovery, setRecovery] = useState(!methods.includes("totp") && methods.includes("recovery"));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = useFieldErrors(error);

  const run = async (give: () => Promise<SessionView>) => {
    setBusy(true);
    setError(null);
    try {
      await finish(await give());
    } catch (e) {
      if (!isCeremonyAbort(e)) setError(e);
      setBusy(false);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    void run(() => (recovery ? securityApi.giveRecoveryCode(code) : securityApi.giveTotp(code.replace(/\s/g, ""))));
  };

  return (
    <StepFrame title={t("secondStep.title")} intro={recovery ? t("secondStep.recoveryIntro") : t("secondStep.intro")}>
      <FormError error={error} />
      {methods.includes("totp") || methods.includes("recovery") ? (
        <form className="form" onSubmit={submit} noValidate key={recovery ? "recovery" : "totp"}>
          <TextField
            label={recovery ? t("secondStep.recoveryCode") : t("secondStep.code")}
            name="code"
            autoComplete="one-time-code"
            inputMode={recovery ? "text" : "numeric"}
            autoFocus
            required
            error={fieldErrors.code}
          />
          <Button type="submit" variant="primary" busy={busy}>
            {t("secondStep.submit")}
          </Button>
          {methods.includes("recovery") && methods.includes("totp") ? (
            <Button variant="ghost" onClick={() => setRecovery(!recovery)}>
              {recovery ? t("secondStep.useCode") : t("secondStep.useRecovery")}
            </Button>
          ) : null}
        </form>
      ) : null}
      {methods.includes("passkey") ? (
        <Button onClick={() => void run(securityApi.givePasskey)} busy={busy}>
          {t("secondStep.usePasskey")}
        </Button>
      ) : null}
    </StepFrame>
  );
}

export function EnrolPage() {
  const { t } = useTranslation();
  const finish = useFinish();
  const [error, setError] = useState<unknown>(null);
  const addPasskey = async () => {
    setError(null);
    try {
      const { session } = await securityApi.addPasskey(t("security.passkeyDefaultLabel"));
      await finish(session);
    } catch (e) {
      if (!isCeremonyAbort(e)) setError(e);
    }
  };
  return (
    <StepFrame title={t("enrol.title")} intro={t("enrol.intro")}>
      <TotpEnrolment onDone={(session) => void finish(session)} />
      <FormError error={error} />
      <Button onClick={() => void addPasskey()}>{t("enrol.passkeyInstead")}</Button>
    </StepFrame>
  );
}
