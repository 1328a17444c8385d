// Own sign-in security on the account page: the authenticator app, recovery codes and passkeys.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Banner, Card } from "../../ui/misc.tsx";
import { isCeremonyAbort, securityApi } from "./security-api.ts";
import { RecoveryCodeList, TotpEnrolment } from "./totp-enrolment.tsx";
import "./security.css";

const KEY = ["me", "security"] as const;

export function SecurityCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: KEY, queryFn: securityApi.security });
  const [error, setError] = useState<unknown>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(error);
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      if (!isCeremonyAbort(e)) setError(e);
    }
    await refresh();
  };
  const addPasskey = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label =
      String(new FormData(event.currentTarget).get("label") ?? "").trim() || t("security.passkeyDefaultLabel");
    void act(async () => {
      await securityApi.addPasskey(label);
      setNotice(t("security.passkeyAdded"));
    });
  };
  const disable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    void act(() => securityApi.disableTotp(code));
  };

  return (
    <Card aria-labelledby="security-title">
      <div className="form">
        <h2 id="security-title">{t("security.title")}</h2>
        {data?.required ? <p className="card-sub">{t("security.required")}</p> : null}
        <FormError error={error} />
        {notice ? (
          <Banner tone="success" role="status">
            {notice}
          </Banner>
        ) : null}

        <h3>{t("security.totp")}</h3>
        <p>
          {data?.totp.enabledAt ? t("security.totpOn", { date: date(data.totp.enabledAt) }) : t("security.totpOff")}
        </p>
        {enrolling ? (
          <TotpEnrolment
            onDone={() => {
              setEnrolling(false);
              void refresh();
            }}
          />
        ) : data && !data.totp.enabled ? (
          <Button onClick={() => setEnrolling(true)}>{t("security.totpSetUp")}</Button>
        ) : data?.totp.enabled ? (
          <form className="form narrow" onSubmit={disable} noValidate>
            <TextField
              label={t("security.totpDisableCode")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              error={fieldErrors.code}
            />
            <Button type="submit" variant="danger">
              {t("security.totpDisable")}
            </Button>
          </form>
        ) : null}

        <h3>{t("security.recovery")}</h3>
        <p>{t("security.recoveryLeft", { count: data?.recoveryCodesLeft ?? 0 })}</p>
        {codes ? <RecoveryCodeList codes={codes} /> : null}
        {data && (data.totp.enabled || data.passkeys.length > 0) ? (
          <Button onClick={() => void act(async () => setCodes((await securityApi.newRecoveryCodes()).recoveryCodes))}>
            {t("security.recoveryNew")}
          </Button>
        ) : null}

        <h3>{t("security.passkeys")}</h3>
        <p className="card-sub">{t("security.passkeysIntro")}</p>
        {data?.passkeys.length ? (
          <ul className="passkey-list" aria-label={t("security.passkeys")}>
            {data.passkeys.map((p) => (
              <li key={p.id}>
                <span>
                  <strong>{p.label}</strong> · {t("security.passkeyCreated", { date: date(p.createdAt) })}
                  {p.lastUsedAt ? ` · ${t("security.passkeyLastUsed", { date: date(p.lastUsedAt) })}` : ""}
                </span>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={t("security.passkeyRemoveLabel", { label: p.label })}
                  onClick={() => void act(() => securityApi.removePasskey(p.id))}
                >
                  {t("security.passkeyRemove")}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("security.passkeyNone")}</p>
        )}
        <form className="form narrow" onSubmit={addPasskey} noValidate>
          <TextField label={t("security.passkeyLabel")} name="label" maxLength={80} defaultValue="" />
          <Button type="submit">{t("security.passkeyAdd")}</Button>
        </form>
      </div>
    </Card>
  );
}
