// Dates and times of the secrecy screens, always in Brussels time and the interface language.
const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : `${locale}-BE`);

/** An instant as a Brussels date and time. */
export function formatWhen(iso: string, locale: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(when);
}

/** A calendar day (YYYY-MM-DD) or an instant as a Brussels date. */
export function formatDate(value: string, locale: string): string {
  const when = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(when.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(when);
}

/** An instant as a Brussels time of day. */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** Today's date in Brussels, as YYYY-MM-DD. */
export const todayInBrussels = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
