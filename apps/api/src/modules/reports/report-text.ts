// The fixed words of the yearly report in the three languages.
import type { Localised, ReportLocale } from "@vindplaats/domain";

const l = (nl: string, en: string, fr: string): Localised => ({ nl, en, fr });

const TEXT = {
  title: l("Jaarverslag {year}", "Annual report {year}", "Rapport annuel {year}"),
  subtitle: l(
    "Cijfers en verhalen van het outreachend werk",
    "Figures and stories of outreach work",
    "Chiffres et témoignages du travail de proximité",
  ),
  department: l("Hele dienst", "Whole department", "Tout le service"),
  teams: l("Teams: {teams}", "Teams: {teams}", "Équipes : {teams}"),
  dataAsOf: l(
    "Gegevens zoals geregistreerd op {at}",
    "Data as registered on {at}",
    "Données telles qu'enregistrées le {at}",
  ),
  period: l("Periode: {from} tot en met {to}", "Period: {from} to {to}", "Période : du {from} au {to}"),
  keyFigures: l("Kerncijfers", "Key figures", "Chiffres clés"),
  trends: l("Doorheen de jaren", "Over the years", "Au fil des années"),
  stories: l("Verhalen", "Stories", "Témoignages"),
  storiesIntro: l(
    "Uitspraken van mensen die we ontmoetten, met hun toestemming en zonder namen.",
    "Words of people we met, with their consent and without names.",
    "Paroles de personnes rencontrées, avec leur accord et sans noms.",
  ),
  noStories: l(
    "Er werden voor dit jaar geen verhalen aangeduid.",
    "No stories were marked for this year.",
    "Aucun témoignage n'a été retenu pour cette année.",
  ),
  methodology: l("Methodologie", "Methodology", "Méthodologie"),
  whatCounts: l("Wat telt", "What counts", "Ce qui compte"),
  whichDate: l("Welke datum beslist", "Which date decides", "Quelle date compte"),
  people: l(
    "Anonieme tellingen en samengevoegde personen",
    "Anonymous head counts and merged persons",
    "Comptages anonymes et fiches fusionnées",
  ),
  parameters: l("Parameters van dit verslag", "Parameters of this report", "Paramètres de ce rapport"),
  suppressedNote: l(
    "'<5' betekent een klein aantal dat is afgeschermd (zie methodologie).",
    "'<5' marks a small number that is suppressed (see methodology).",
    "« <5 » indique un petit nombre masqué (voir méthodologie).",
  ),
  page: l("Pagina {page} van {pages}", "Page {page} of {pages}", "Page {page} sur {pages}"),
  activeCases: l("Actieve dossiers op {day}", "Active cases on {day}", "Dossiers actifs au {day}"),
  sheetKey: l("Kerncijfers", "Key figures", "Chiffres clés"),
  sheetTrends: l("Trends", "Trends", "Évolution"),
  sheetStories: l("Verhalen", "Stories", "Témoignages"),
  sheetMethod: l("Methodologie", "Methodology", "Méthodologie"),
  csvHeader: l(
    "sectie,cijfer,naam,rij,kolom,waarde",
    "section,metric,name,row,column,value",
    "section,indicateur,nom,ligne,colonne,valeur",
  ),
} satisfies Record<string, Localised>;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, locale: ReportLocale, vars: Record<string, string | number> = {}): string {
  return TEXT[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
}

const DATE_LOCALE: Record<ReportLocale, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

/** A day (YYYY-MM-DD) written out: "31 december 2025". */
export function formatDay(day: string, locale: ReportLocale): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** An instant on the Brussels clock: "31 december 2025 om 23:59". */
export function formatInstant(at: Date, locale: ReportLocale): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Brussels",
  }).format(at);
}
