// i18next set-up: Dutch first, English and French beside it. The chosen language is kept in
// localStorage so the sign-in screen already speaks it; for a signed-in user the account's
// language (PATCH /api/v1/me) is the source of truth.
import type { Locale } from "@vindplaats/contracts";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";

export const LOCALES = ["nl", "en", "fr"] as const satisfies readonly Locale[];
const STORAGE_KEY = "vindplaats.locale";
const HTML_LANG: Record<Locale, string> = { nl: "nl-BE", en: "en", fr: "fr-BE" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : "nl";
  } catch {
    return "nl";
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";
}

/** Switches the interface language and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice then lasts for this page only.
  }
  document.documentElement.lang = HTML_LANG[locale];
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export async function initI18n(): Promise<void> {
  const lng = storedLocale();
  document.documentElement.lang = HTML_LANG[lng];
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: "nl",
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18n };
