// The team switcher and the language switcher of the shell (and of the sign-in screen).
import type { Locale } from "@vindplaats/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyLocale, isLocale, LOCALES } from "../../i18n/index.ts";
import { useErrorText } from "../../ui/use-error-text.ts";
import { useSessionActions } from "../auth/session.ts";
import { useCurrentTeam } from "./current-team.tsx";

export function TeamSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const { team, memberships, selectTeam } = useCurrentTeam();
  if (!team) return null;
  if (memberships.length === 1) {
    return (
      <div className="switcher">
        <span className="switcher-label">{t("team.switcher")}</span>
        <span className="switcher-value">{team.teamName}</span>
      </div>
    );
  }
  return (
    <div className="switcher">
      <label className="switcher-label" htmlFor={id}>
        {t("team.switcher")}
      </label>
      <select id={id} className="input select" value={team.teamId} onChange={(e) => selectTeam(e.target.value)}>
        {memberships.map((m) => (
          <option key={m.teamId} value={m.teamId}>
            {m.teamName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Signed in, the choice is saved with the account too; on the sign-in screen only on this device. */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const actions = useSessionActions();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const value = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";

  const change = async (locale: Locale) => {
    setError(null);
    try {
      if (signedIn) await actions.changeLocale(locale);
      else await applyLocale(locale);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="switcher">
      <label className="switcher-label" htmlFor={id}>
        {t("language.label")}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => isLocale(e.target.value) && void change(e.target.value)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
