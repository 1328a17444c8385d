// The Quick Scan dimensions of a contact (De Maeyer, Dewaele & Beelen, 2013) as choices with labels
// in the interface language. The codes are fixed by the domain; only the words are translated.
import { CAME_ABOUT, CONTACT_ACTIONS, WORKING_RELATIONSHIPS } from "@vindplaats/domain";
import { useTranslation } from "react-i18next";

export function useQuickScanOptions() {
  const { t } = useTranslation();
  return {
    cameAbout: CAME_ABOUT.map((value) => ({ value, label: t(`quickScan.cameAbout.${value}`) })),
    workingRelationship: WORKING_RELATIONSHIPS.map((value) => ({
      value,
      label: t(`quickScan.workingRelationship.${value}`),
    })),
    actions: CONTACT_ACTIONS.map((value) => ({ value, label: t(`quickScan.actions.${value}`) })),
  };
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : `${locale}-BE`);

/** An instant as a Brussels date and time in the interface language. */
export function formatStart(iso: string, locale: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(when);
}

/** A calendar day (YYYY-MM-DD) in the interface language. */
export function formatDay(day: string, locale: string): string {
  const when = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(when.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", year: "numeric" }).format(when);
}
