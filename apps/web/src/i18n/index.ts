// i18next set-up: Dutch first, English and French beside it. The chosen language is kept in
// localStorage so the sign-in screen already speaks it; for a signed-in user the account's
// language (PATCH /api/v1/me) is the source of truth. Dutch (the default and the fallback) is in the
// first download; English and French are fetched when chosen, so a phone loads one language, not three.
import type { Locale } from "@vindplaats/contracts";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
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

const LOADERS: Record<Exclude<Locale, "nl">, () => Promise<object>> = {
  en: () => import("./en.ts").then((m) => m.en),
  fr: () => import("./fr.ts").then((m) => m.fr),
};
const loaded = new Map<Locale, Promise<void>>();

/** Adds a language's texts once, under what screens loaded for it already (deep merge, theirs kept). */
function loadLocale(locale: Locale): Promise<void> {
  if (locale === "nl") return Promise.resolve();
  let done = loaded.get(locale);
  if (!done) {
    done = LOADERS[locale]().then((texts) => {
      i18n.addResourceBundle(locale, "translation", texts, true, false);
    });
    done.catch(() => loaded.delete(locale));
    loaded.set(locale, done);
  }
  return done;
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
  await loadLocale(locale).catch(() => undefined);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export async function initI18n(): Promise<void> {
  const lng = storedLocale();
  document.documentElement.lang = HTML_LANG[lng];
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl } },
    partialBundledLanguages: true,
    lng,
    fallbackLng: "nl",
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lng !== "nl") {
    // Offline with a language never fetched: Dutch (the fallback) until the network is back.
    await loadLocale(lng).catch(() => undefined);
    await i18n.changeLanguage(lng);
  }
}

export { i18n };
