// Setting up an authenticator app: the otpauth link (what a QR code encodes) and the key to type in,
// confirmed by a first code; then the recovery codes, shown once. Used at sign-in and in settings.
import type { SessionView, TotpEnrolmentView } from "@vindplaats/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { securityApi } from "./security-api.ts";

export function TotpEnrolment({ onDone }: { onDone: (session: SessionView | null) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentView | null>(null);
  const [codes, setCodes] = useState<{ recoveryCodes: string[]; session: SessionView | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = useFieldErrors(error);

  useEffect(() => {
    securityApi.startTotp().then(setEnrolment, setError);
  }, []);

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setBusy(true);
    setError(null);
    try {
      setCodes(await securityApi.confirmTotp(code));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <div className="form">
        <h2>{t("enrol.codesTitle")}</h2>
        <p className="card-sub">{t("enrol.codesIntro")}</p>
        <ul className="recovery-codes" aria-label={t("security.recovery")}>
          {codes.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button variant="primary" onClick={() => onDone(codes.session)}>
          {t("enrol.continue")}
        </Button>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={confirm} noValidate>
      <FormError error={error} />
      <p>{t("enrol.step1")}</p>
      {enrolment ? (
        <>
          <TextField label={t("enrol.uri")} value={enrolment.uri} readOnly onFocus={(e) => e.currentTarget.select()} />
          <TextField
            label={t("enrol.key")}
            value={enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
            readOnly
            className="mono"
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      ) : null}
      <p>{t("enrol.step2")}</p>
      <TextField
        label={t("secondStep.code")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={7}
        required
        error={fieldErrors.code}
      />
      <Button type="submit" variant="primary" busy={busy} disabled={!enrolment}>
        {t("enrol.confirm")}
      </Button>
    </form>
  );
}

/** A recovery-code list shown after making new ones. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="recovery-codes" aria-label={t("security.recovery")}>
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ul>
  );
}
