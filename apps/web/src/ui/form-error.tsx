import { useTranslation } from "react-i18next";
import { fieldMessages } from "../api/problem.ts";
import { isLocale } from "../i18n/index.ts";
import { Banner } from "./misc.tsx";
import { useErrorText } from "./use-error-text.ts";

/** Field messages (by input name) for a failed save, translated into the interface language. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { i18n } = useTranslation();
  return fieldMessages(error, isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl");
}

/** The overall message of a failed save, announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Banner tone="danger" role="alert">
      {text(error)}
    </Banner>
  );
}
