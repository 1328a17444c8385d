import { useTranslation } from "react-i18next";
import { ApiError, translateKey } from "../api/problem.ts";
import { isLocale } from "../i18n/index.ts";

/** Returns a function that turns any thrown value into a message in the interface language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.key === "network") return t("app.networkError");
      return translateKey(locale, error.key) ?? (error.detail || t("app.unexpected"));
    }
    return t("app.unexpected");
  };
}
