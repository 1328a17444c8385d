// Labels of the fixed codes a figure can group by, in the three interface languages. Codes from an
// organisation's value lists (life domains, services, nationalities) carry their own labels.
import { CAME_ABOUT, CONTACT_ACTIONS, LOCATION_KINDS, WORKING_RELATIONSHIPS } from "../quick-scan.ts";
import type { Dimension, Localised } from "./catalogue.ts";

export type ReportLocale = keyof Localised;
const l = (nl: string, en: string, fr: string): Localised => ({ nl, en, fr });

export const INTL_LOCALE: Record<ReportLocale, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

/** Fixed codes per dimension, in display order. Dimensions from the database are not listed. */
export const FIXED_CODES: Partial<Record<Dimension, Record<string, Localised>>> = {
  location_kind: {
    private: l("Privé", "Private", "Privé"),
    semi_public: l("Semi-publiek", "Semi-public", "Semi-public"),
    public: l("Publiek", "Public", "Public"),
    online: l("Online", "Online", "En ligne"),
  },
  working_relationship: {
    voluntary: l("Vrijwillig", "Voluntary", "Volontaire"),
    persistent: l("Aanklampend", "Persistent", "Persévérante"),
    carrot_and_stick: l("Stok achter de deur", "Carrot and stick", "Incitation sous contrainte"),
    coercion: l("Dwang", "Coercion", "Contrainte"),
  },
  came_about: {
    own_observation: l("Eigen observatie", "Own observation", "Observation propre"),
    via_person_or_group: l("Via de persoon of groep", "Via the person or group", "Par la personne ou le groupe"),
    professional_network: l("Professioneel netwerk", "Professional network", "Réseau professionnel"),
    non_professional_network: l("Niet-professioneel netwerk", "Non-professional network", "Réseau non professionnel"),
  },
  action: {
    direct_help: l("Directe hulp", "Direct help", "Aide directe"),
    indirect_help: l("Indirecte hulp", "Indirect help", "Aide indirecte"),
    life_world: l(
      "Participeren aan de leefwereld",
      "Participating in the life world",
      "Participation au milieu de vie",
    ),
    structural_work: l("Structureel werk", "Structural work", "Travail structurel"),
  },
  contact_kind: {
    individual: l("Individueel contact", "Individual contact", "Contact individuel"),
    group: l("Groepscontact", "Group contact", "Contact de groupe"),
  },
  known_to_social_service: {
    not_known: l(
      "Nog niet gekend bij de sociale dienst",
      "Not yet known to the social service",
      "Pas encore connues du service social",
    ),
    known: l(
      "Al gekend bij de sociale dienst",
      "Already known to the social service",
      "Déjà connues du service social",
    ),
    unrecorded: l("Niet geregistreerd", "Not recorded", "Non enregistré"),
  },
  referral_status: {
    proposed: l("Voorgesteld", "Proposed", "Proposée"),
    accepted: l("Aanvaard", "Accepted", "Acceptée"),
    refused: l("Geweigerd", "Refused", "Refusée"),
    done: l("Gerealiseerd", "Completed", "Réalisée"),
    not_done: l("Niet gerealiseerd", "Not completed", "Non réalisée"),
  },
  nuisance: {
    with: l("Met overlastcomponent", "With a nuisance component", "Avec nuisance"),
    without: l("Zonder overlastcomponent", "Without a nuisance component", "Sans nuisance"),
  },
  housing_outcome: {
    still_housed: l("Heeft nog een woning", "Still housed", "Toujours logées"),
    not_housed: l(
      "Geen woning meer of uit het oog verloren",
      "No longer housed or lost to follow-up",
      "Plus logées ou perdues de vue",
    ),
    pending: l("Opvolging nog niet geregistreerd", "Follow-up not recorded yet", "Suivi pas encore enregistré"),
  },
  complaint_theme: {
    waste: l("Afval", "Waste", "Déchets"),
    noise: l("Lawaai", "Noise", "Bruit"),
    overcrowding: l("Overbewoning", "Overcrowding", "Surpeuplement"),
    hygiene: l("Hygiëne", "Hygiene", "Hygiène"),
    safety: l("Veiligheid", "Safety", "Sécurité"),
    other: l("Andere", "Other", "Autre"),
  },
};

// Keep the Quick Scan lists and these labels in step: a new code without a label fails the unit test.
export const QUICK_SCAN_DIMENSIONS = {
  location_kind: LOCATION_KINDS,
  working_relationship: WORKING_RELATIONSHIPS,
  came_about: CAME_ABOUT,
  action: CONTACT_ACTIONS,
} as const;

/** Columns of the case matrices. */
export const CASE_COLUMNS: Record<"opened" | "closed" | "active", Localised> = {
  opened: l("Geopend", "Opened", "Ouverts"),
  closed: l("Gesloten", "Closed", "Clôturés"),
  active: l("Actief op de laatste dag", "Active on the last day", "Actifs le dernier jour"),
};

/** A row for records without a value: no place, no neighbourhood, unknown nationality... */
export const NONE_LABEL: Partial<Record<Dimension, Localised>> & { default: Localised } = {
  place: l("Geen vindplaats", "No place", "Pas de lieu"),
  neighbourhood: l("Geen wijk", "No neighbourhood", "Pas de quartier"),
  default: l("Onbekend", "Unknown", "Inconnu"),
};

export const MISC_LABELS = {
  total: l("Totaal", "Total", "Total"),
  mentions: l("Vermeldingen", "Mentions", "Mentions"),
  value: l("Aantal", "Count", "Nombre"),
  share: l("Aandeel", "Share", "Part"),
  hour: l("{h} uur", "{h}:00", "{h} h"),
} as const;

export function fixedLabel(dimension: Dimension, code: string, locale: ReportLocale): string | undefined {
  return FIXED_CODES[dimension]?.[code]?.[locale];
}

export function noneLabel(dimension: Dimension, locale: ReportLocale): string {
  return (NONE_LABEL[dimension] ?? NONE_LABEL.default)[locale];
}

/** Month 1-12, ISO weekday 1-7 (Monday first) and hour 0-23 in the report's language. */
export function timeLabel(dimension: "month" | "weekday" | "hour", n: number, locale: ReportLocale): string {
  const intl = INTL_LOCALE[locale];
  if (dimension === "hour") return MISC_LABELS.hour[locale].replace("{h}", String(n).padStart(2, "0"));
  if (dimension === "month") {
    return new Intl.DateTimeFormat(intl, { month: "long", timeZone: "UTC" }).format(Date.UTC(2024, n - 1, 15));
  }
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intl, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, n));
}
