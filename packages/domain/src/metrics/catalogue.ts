// The metrics catalogue: the one place that says what every figure counts, which date decides,
// and how anonymous head counts and merged person records count. The API lists it, the app shows
// it, docs/metrics.md is generated from it and the yearly report prints it as its methodology annex.

export interface Localised {
  nl: string;
  en: string;
  fr: string;
}

const l = (nl: string, en: string, fr: string): Localised => ({ nl, en, fr });

export const METRIC_SECTIONS = ["reach", "contacts", "referrals", "cases", "housing"] as const;
export type MetricSection = (typeof METRIC_SECTIONS)[number];

export const SECTION_NAMES: Record<MetricSection, Localised> = {
  reach: l("Bereik", "Reach", "Personnes atteintes"),
  contacts: l("Contacten", "Contacts", "Contacts"),
  referrals: l("Toeleidingen", "Referrals", "Orientations"),
  cases: l("Dossiers en klachten", "Cases and complaints", "Dossiers et plaintes"),
  housing: l("Housing First", "Housing First", "Housing First"),
};

/** number: one count; share: a part of a whole; series: counts per category; matrix: two dimensions. */
export type MetricKind = "number" | "share" | "series" | "matrix";

export type MetricUnit = "persons" | "contacts" | "head_counts" | "referrals" | "cases" | "complaints" | "mentions";

/** What a series or matrix row stands for; also the drill-down key of a contact figure. */
export const DIMENSIONS = [
  "team",
  "worker",
  "month",
  "weekday",
  "hour",
  "place",
  "neighbourhood",
  "location_kind",
  "working_relationship",
  "came_about",
  "action",
  "life_domain",
  "contact_kind",
  "nationality",
  "age_band",
  "known_to_social_service",
  "referral_service",
  "referral_status",
  "intake_channel",
  "nuisance",
  "complaint_theme",
  "housing_outcome",
  "year",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface MetricDefinition {
  id: string;
  section: MetricSection;
  kind: MetricKind;
  unit: MetricUnit;
  /** The rows of a series or matrix. */
  dimension?: Dimension;
  /** A contact can count under several values (arrays): the row sum is a number of mentions. */
  multiValued?: boolean;
  name: Localised;
  /** What counts. */
  counts: Localised;
  /** Which date decides whether a record falls in the period. */
  date: Localised;
  /** How anonymous head counts and merged person records count. */
  people: Localised;
  /** Shown only to team coordinators, never to a director or in a report (staff, not outreach). */
  coordinatorsOnly?: boolean;
  /** Needs the cases module's tables; left out while they are not there. */
  needsCases?: boolean;
}

// ---- Shared fragments: the same rule is worded the same way everywhere. ----------------------

const CONTACT_DATE = l(
  "Het begin van het contact, als dag in Brussel (Europe/Brussels): een contact om 23.59 uur op 31 december telt in dat jaar, een contact om 0.01 uur op 1 januari in het volgende. Contacten die na het datatijdstip van het verslag geregistreerd zijn, tellen niet mee.",
  "The start of the contact as a day in Brussels (Europe/Brussels): a contact at 23:59 on 31 December counts in that year, one at 00:01 on 1 January in the next. Contacts registered after the report's data timestamp do not count.",
  "Le début du contact, en jour de Bruxelles (Europe/Brussels) : un contact à 23 h 59 le 31 décembre compte pour cette année, un contact à 0 h 01 le 1er janvier pour la suivante. Les contacts enregistrés après l'horodatage des données du rapport ne comptent pas.",
);

const CONTACT_PEOPLE = l(
  "Een contact telt één keer, hoeveel mensen er ook bij waren; een contact met alleen een anonieme telling telt ook. Samengevoegde persoonsrecords spelen geen rol.",
  "A contact counts once, however many people took part; a contact with only an anonymous head count counts too. Merged person records play no part.",
  "Un contact compte une fois, quel que soit le nombre de personnes ; un contact avec seulement un comptage anonyme compte aussi. Les fiches fusionnées ne jouent aucun rôle.",
);

const MULTI_PEOPLE = l(
  "Een contact telt één keer onder elke aangeduide waarde: de som van de rijen is een aantal vermeldingen en kan groter zijn dan het aantal contacten. Contacten zonder waarde tellen hier niet. Anonieme tellingen en samengevoegde records spelen geen rol.",
  "A contact counts once under each value marked: the sum of the rows is a number of mentions and can exceed the number of contacts. Contacts without a value do not count here. Anonymous head counts and merged records play no part.",
  "Un contact compte une fois sous chaque valeur cochée : la somme des lignes est un nombre de mentions et peut dépasser le nombre de contacts. Les contacts sans valeur ne comptent pas ici. Les comptages anonymes et les fiches fusionnées ne jouent aucun rôle.",
);

const PERSONS_PEOPLE = l(
  "Alleen personen met een record (pseudoniem of geïdentificeerd) tellen, elk één keer, ook als meerdere teams hen ontmoetten. Een record dat in een ander is samengevoegd (merged_into_id) telt als het record waarin het opging. Anonieme tellingen tellen hier niet: zie de schatting.",
  "Only persons with a record (pseudonymous or identified) count, each once, even when several teams met them. A record merged into another (merged_into_id) counts as the record it went into. Anonymous head counts do not count here: see the estimate.",
  "Seules les personnes ayant une fiche (pseudonyme ou identifiée) comptent, chacune une fois, même si plusieurs équipes les ont rencontrées. Une fiche fusionnée dans une autre (merged_into_id) compte comme la fiche dans laquelle elle a été fusionnée. Les comptages anonymes ne comptent pas ici : voir l'estimation.",
);

const PERSONS_DATE = l(
  "Een persoon telt als er minstens één contact met hem of haar in de periode begon (dag in Brussel).",
  "A person counts when at least one contact with them started in the period (day in Brussels).",
  "Une personne compte si au moins un contact avec elle a commencé pendant la période (jour de Bruxelles).",
);

const REFERRAL_DATE = l(
  "De dag waarop de toeleiding werd voorgesteld (proposed_on, dag in Brussel). De uitkomst is de stand op het datatijdstip.",
  "The day the referral was proposed (proposed_on, day in Brussels). The outcome is its state at the data timestamp.",
  "Le jour où l'orientation a été proposée (proposed_on, jour de Bruxelles). Le résultat est son état à l'horodatage des données.",
);

const REFERRAL_PEOPLE = l(
  "Elke toeleiding telt één keer, ook als ze voor een samengevoegd record werd geregistreerd. Toeleidingen zonder persoon (anoniem) tellen ook.",
  "Each referral counts once, also when it was registered for a merged record. Referrals without a person (anonymous) count too.",
  "Chaque orientation compte une fois, même enregistrée pour une fiche fusionnée. Les orientations sans personne (anonymes) comptent aussi.",
);

const CASE_PEOPLE = l(
  "Een dossier is een adres: het telt één keer, los van het aantal bewoners. Anonieme tellingen en samengevoegde records spelen geen rol.",
  "A case is an address: it counts once, whatever the number of residents. Anonymous head counts and merged records play no part.",
  "Un dossier est une adresse : il compte une fois, quel que soit le nombre d'habitants. Les comptages anonymes et les fiches fusionnées ne jouent aucun rôle.",
);

const CASE_DATE = l(
  "Geopend: de openingsdag valt in de periode. Gesloten: de sluitingsdag valt in de periode. Actief: geopend op of voor de laatste dag van de periode en op die dag niet gesloten (een dossier dat over de jaarwisseling loopt, telt in beide jaren als actief).",
  "Opened: the opening day falls in the period. Closed: the closing day falls in the period. Active: opened on or before the last day of the period and not closed on that day (a case running across the year end is active in both years).",
  "Ouvert : le jour d'ouverture tombe dans la période. Clôturé : le jour de clôture tombe dans la période. Actif : ouvert au plus tard le dernier jour de la période et pas clôturé ce jour-là (un dossier qui passe le cap de l'année est actif les deux années).",
);

const contactSeries = <const I extends string>(
  id: I,
  dimension: Dimension,
  name: Localised,
  counts: Localised,
  extra: Partial<MetricDefinition> = {},
): MetricDefinition & { id: I } => ({
  section: "contacts",
  kind: "series",
  unit: "contacts",
  dimension,
  name,
  counts,
  date: CONTACT_DATE,
  people: CONTACT_PEOPLE,
  ...extra,
  id,
});

const multiSeries = <const I extends string>(id: I, dimension: Dimension, name: Localised, counts: Localised) =>
  contactSeries(id, dimension, name, counts, { unit: "mentions", multiValued: true, people: MULTI_PEOPLE });

export const METRICS = [
  // ---- Reach ---------------------------------------------------------------------------------
  {
    id: "persons_reached",
    section: "reach",
    kind: "number",
    unit: "persons",
    name: l("Unieke personen bereikt", "Unique persons reached", "Personnes uniques atteintes"),
    counts: l(
      "Het aantal verschillende personen met een record dat in de periode minstens één contact had met een team binnen de selectie, ontdubbeld over de teams heen.",
      "The number of different persons with a record who had at least one contact with a team in the selection in the period, deduplicated across teams.",
      "Le nombre de personnes différentes ayant une fiche qui ont eu au moins un contact avec une équipe de la sélection pendant la période, dédoublonnées entre équipes.",
    ),
    date: PERSONS_DATE,
    people: PERSONS_PEOPLE,
  },
  {
    id: "persons_reached_estimate",
    section: "reach",
    kind: "number",
    unit: "persons",
    name: l(
      "Geschat bereik, met anonieme contacten",
      "Estimated reach, including anonymous contacts",
      "Portée estimée, contacts anonymes compris",
    ),
    counts: l(
      "Unieke personen bereikt (U) plus de anonieme tellingen (A) gedeeld door het gemiddelde aantal contacten per bereikte persoon met een record in dezelfde periode (r = persoonscontacten / U): U + A / r, afgerond. Zonder personen met een record is de schatting A. De schatting neemt aan dat anonieme mensen even vaak ontmoet worden als mensen met een record; het is een schatting, geen telling.",
      "Unique persons reached (U) plus the anonymous head counts (A) divided by the average number of contacts per person with a record in the same period (r = person-contacts / U): U + A / r, rounded. Without persons with a record the estimate is A. It assumes anonymous people are met as often as people with a record; it is an estimate, not a count.",
      "Les personnes uniques atteintes (U) plus les comptages anonymes (A) divisés par le nombre moyen de contacts par personne ayant une fiche sur la même période (r = contacts-personnes / U) : U + A / r, arrondi. Sans personnes avec fiche, l'estimation vaut A. Elle suppose que les personnes anonymes sont rencontrées aussi souvent que celles qui ont une fiche ; c'est une estimation, pas un comptage.",
    ),
    date: CONTACT_DATE,
    people: l(
      "Anonieme tellingen tellen mee via de deling door r, omdat dezelfde anonieme persoon vaker geteld kan zijn. Samengevoegde records tellen één keer (zie unieke personen).",
      "Anonymous head counts count through the division by r, because the same anonymous person may have been counted more than once. Merged records count once (see unique persons).",
      "Les comptages anonymes comptent via la division par r, car une même personne anonyme peut avoir été comptée plusieurs fois. Les fiches fusionnées comptent une fois (voir personnes uniques).",
    ),
  },
  {
    id: "anonymous_head_counts",
    section: "reach",
    kind: "number",
    unit: "head_counts",
    name: l("Anonieme tellingen", "Anonymous head counts", "Comptages anonymes"),
    counts: l(
      "De som van de anonieme tellingen van alle contacten in de periode (een turf telt als 1). Dit zijn ontmoetingen, geen unieke personen.",
      "The sum of the anonymous head counts of every contact in the period (a tally counts as 1). These are encounters, not unique persons.",
      "La somme des comptages anonymes de tous les contacts de la période (un pointage compte pour 1). Ce sont des rencontres, pas des personnes uniques.",
    ),
    date: CONTACT_DATE,
    people: l(
      "Alleen anonieme tellingen; personen met een record tellen hier niet.",
      "Anonymous head counts only; persons with a record do not count here.",
      "Uniquement les comptages anonymes ; les personnes avec fiche ne comptent pas ici.",
    ),
  },
  {
    id: "new_persons",
    section: "reach",
    kind: "number",
    unit: "persons",
    name: l("Nieuwe personen", "New persons", "Nouvelles personnes"),
    counts: l(
      "Bereikte personen (zie hierboven) van wie het allereerste contact met eender welk team van de organisatie in de periode valt.",
      "Persons reached (see above) whose very first contact with any team of the organisation falls in the period.",
      "Personnes atteintes (voir ci-dessus) dont le tout premier contact avec une équipe quelconque de l'organisation tombe dans la période.",
    ),
    date: l(
      "Het begin van het eerste contact dat een team met de persoon registreerde (person_teams.first_seen_at), het vroegste over de persoon en alle records die erin zijn samengevoegd, als dag in Brussel.",
      "The start of the first contact any team registered with the person (person_teams.first_seen_at), the earliest over the person and every record merged into it, as a day in Brussels.",
      "Le début du premier contact qu'une équipe a enregistré avec la personne (person_teams.first_seen_at), le plus ancien sur la personne et toutes les fiches fusionnées avec elle, en jour de Bruxelles.",
    ),
    people: PERSONS_PEOPLE,
  },
  {
    id: "new_persons_not_known",
    section: "reach",
    kind: "share",
    unit: "persons",
    dimension: "known_to_social_service",
    name: l(
      "Nieuwe personen nog niet gekend bij de sociale dienst",
      "New persons not yet known to the social service",
      "Nouvelles personnes pas encore connues du service social",
    ),
    counts: l(
      "Van de nieuwe personen: hoeveel volgens hun record nog niet gekend zijn bij de sociale dienst (known_to_social_service = nee), gedeeld door de nieuwe personen van wie dat geregistreerd is (ja of nee). Nieuwe personen zonder registratie worden apart getoond en tellen niet in de noemer.",
      "Of the new persons: how many are not yet known to the social service according to their record (known_to_social_service = no), divided by the new persons for whom it is recorded (yes or no). New persons without a record of it are shown apart and left out of the denominator.",
      "Parmi les nouvelles personnes : combien ne sont pas encore connues du service social selon leur fiche (known_to_social_service = non), divisé par les nouvelles personnes pour lesquelles c'est enregistré (oui ou non). Les nouvelles personnes sans enregistrement sont montrées à part et exclues du dénominateur.",
    ),
    date: l(
      "Zoals bij nieuwe personen; de vlag is de waarde op het datatijdstip.",
      "As for new persons; the flag is its value at the data timestamp.",
      "Comme pour les nouvelles personnes ; l'indicateur est sa valeur à l'horodatage des données.",
    ),
    people: PERSONS_PEOPLE,
  },
  {
    id: "persons_by_team",
    section: "reach",
    kind: "series",
    unit: "persons",
    dimension: "team",
    multiValued: true,
    name: l("Unieke personen per team", "Unique persons per team", "Personnes uniques par équipe"),
    counts: l(
      "Per team: de verschillende personen met een record die het team in de periode ontmoette. Wie door meerdere teams ontmoet werd, telt bij elk van die teams: de som van de rijen is groter dan het aantal unieke personen, het verschil is de overlap tussen teams.",
      "Per team: the different persons with a record the team met in the period. Someone met by several teams counts for each of them: the sum of the rows exceeds the number of unique persons, and the difference is the overlap between teams.",
      "Par équipe : les personnes différentes ayant une fiche que l'équipe a rencontrées pendant la période. Une personne rencontrée par plusieurs équipes compte pour chacune : la somme des lignes dépasse le nombre de personnes uniques ; la différence est le chevauchement entre équipes.",
    ),
    date: PERSONS_DATE,
    people: PERSONS_PEOPLE,
  },
  {
    id: "persons_by_nationality",
    section: "reach",
    kind: "series",
    unit: "persons",
    dimension: "nationality",
    name: l("Unieke personen per nationaliteit", "Unique persons by nationality", "Personnes uniques par nationalité"),
    counts: l(
      "De unieke personen bereikt, verdeeld volgens de nationaliteit in hun record; zonder registratie: onbekend. Per jaar naast elkaar gezet is dit de tabel van geregistreerde nationaliteiten per jaar.",
      "The unique persons reached, split by the nationality in their record; without one: unknown. Set side by side per year this is the table of registered nationalities per year.",
      "Les personnes uniques atteintes, réparties selon la nationalité de leur fiche ; sans nationalité : inconnue. Année par année, c'est le tableau des nationalités enregistrées par an.",
    ),
    date: PERSONS_DATE,
    people: PERSONS_PEOPLE,
  },
  {
    id: "persons_by_age_band",
    section: "reach",
    kind: "series",
    unit: "persons",
    dimension: "age_band",
    name: l("Unieke personen per leeftijdsgroep", "Unique persons by age band", "Personnes uniques par tranche d'âge"),
    counts: l(
      "De unieke personen bereikt, verdeeld volgens de leeftijdsgroep in hun record; zonder registratie: onbekend.",
      "The unique persons reached, split by the age band in their record; without one: unknown.",
      "Les personnes uniques atteintes, réparties selon la tranche d'âge de leur fiche ; sans tranche : inconnue.",
    ),
    date: PERSONS_DATE,
    people: PERSONS_PEOPLE,
  },
  // ---- Contacts ------------------------------------------------------------------------------
  {
    id: "contacts_total",
    section: "contacts",
    kind: "number",
    unit: "contacts",
    name: l("Contacten", "Contacts", "Contacts"),
    counts: l(
      "Alle geregistreerde contacten in de periode binnen de selectie, ook turven en groepscontacten. Verwijderde contacten (een correctie met reden) tellen niet.",
      "Every contact registered in the period within the selection, tallies and group contacts included. Removed contacts (a correction with a reason) do not count.",
      "Tous les contacts enregistrés pendant la période dans la sélection, pointages et contacts de groupe compris. Les contacts supprimés (une correction motivée) ne comptent pas.",
    ),
    date: CONTACT_DATE,
    people: CONTACT_PEOPLE,
  },
  contactSeries(
    "contacts_by_team",
    "team",
    l("Contacten per team", "Contacts by team", "Contacts par équipe"),
    l(
      "Contacten per team dat het contact registreerde.",
      "Contacts by the team that registered the contact.",
      "Contacts par équipe qui a enregistré le contact.",
    ),
  ),
  contactSeries(
    "contacts_by_worker",
    "worker",
    l("Contacten per medewerker", "Contacts by worker", "Contacts par intervenant"),
    l(
      "Contacten per medewerker die erbij was; een contact met twee medewerkers telt bij elk van hen (vermeldingen). Alleen voor coördinatoren van het eigen team, nooit in een verslag of voor de directie.",
      "Contacts by each worker who took part; a contact with two workers counts for each (mentions). For coordinators of their own team only, never in a report or for the director.",
      "Contacts par intervenant présent ; un contact à deux intervenants compte pour chacun (mentions). Réservé aux coordinateurs de leur équipe, jamais dans un rapport ni pour la direction.",
    ),
    { unit: "mentions", multiValued: true, people: MULTI_PEOPLE, coordinatorsOnly: true },
  ),
  contactSeries(
    "contacts_by_month",
    "month",
    l("Contacten per maand", "Contacts by month", "Contacts par mois"),
    l(
      "Contacten per kalendermaand van het begin (in Brussel).",
      "Contacts by calendar month of their start (in Brussels).",
      "Contacts par mois civil de leur début (à Bruxelles).",
    ),
  ),
  contactSeries(
    "contacts_by_weekday",
    "weekday",
    l("Contacten per weekdag", "Contacts by weekday", "Contacts par jour de la semaine"),
    l(
      "Contacten per weekdag van het begin (in Brussel), maandag eerst.",
      "Contacts by weekday of their start (in Brussels), Monday first.",
      "Contacts par jour de la semaine de leur début (à Bruxelles), lundi en premier.",
    ),
  ),
  contactSeries(
    "contacts_by_hour",
    "hour",
    l("Contacten per uur", "Contacts by hour", "Contacts par heure"),
    l(
      "Contacten per uur van het begin op de klok in Brussel (0 tot 23): een contact om 23.59 uur telt in uur 23.",
      "Contacts by hour of their start on the Brussels clock (0 to 23): a contact at 23:59 counts in hour 23.",
      "Contacts par heure de leur début à l'heure de Bruxelles (0 à 23) : un contact à 23 h 59 compte dans l'heure 23.",
    ),
  ),
  contactSeries(
    "contacts_by_place",
    "place",
    l("Contacten per vindplaats", "Contacts by place", "Contacts par lieu"),
    l(
      "Contacten per vindplaats; contacten zonder vindplaats (bv. online) staan onder 'geen vindplaats'.",
      "Contacts by place; contacts without a place (e.g. online) are under 'no place'.",
      "Contacts par lieu ; les contacts sans lieu (p. ex. en ligne) figurent sous « pas de lieu ».",
    ),
  ),
  contactSeries(
    "contacts_by_neighbourhood",
    "neighbourhood",
    l("Contacten per wijk", "Contacts by neighbourhood", "Contacts par quartier"),
    l(
      "Contacten per wijk van het contact (de wijk van de vindplaats, of de gekozen wijk); zonder wijk: 'geen wijk'.",
      "Contacts by the contact's neighbourhood (the place's, or the one chosen); without one: 'no neighbourhood'.",
      "Contacts par quartier du contact (celui du lieu, ou celui choisi) ; sans quartier : « pas de quartier ».",
    ),
  ),
  contactSeries(
    "contacts_by_location_kind",
    "location_kind",
    l("Contacten per soort locatie", "Contacts by location kind", "Contacts par type de lieu"),
    l(
      "Contacten per soort locatie van de Quick Scan: privé, semi-publiek, publiek, online.",
      "Contacts by the Quick Scan's location kind: private, semi-public, public, online.",
      "Contacts par type de lieu du Quick Scan : privé, semi-public, public, en ligne.",
    ),
  ),
  multiSeries(
    "contacts_by_working_relationship",
    "working_relationship",
    l("Contacten per werkrelatie", "Contacts by working relationship", "Contacts par relation de travail"),
    l(
      "Contacten per werkrelatie van de Quick Scan (vrijwillig, aanklampend, stok achter de deur, dwang).",
      "Contacts by the Quick Scan's working relationship (voluntary, persistent, carrot and stick, coercion).",
      "Contacts par relation de travail du Quick Scan (volontaire, persévérante, incitation sous contrainte, contrainte).",
    ),
  ),
  multiSeries(
    "contacts_by_came_about",
    "came_about",
    l(
      "Contacten volgens hoe het contact tot stand kwam",
      "Contacts by how they came about",
      "Contacts selon leur origine",
    ),
    l(
      "Contacten volgens hoe het contact tot stand kwam (Quick Scan): eigen observatie, via de persoon of groep, professioneel of niet-professioneel netwerk.",
      "Contacts by how the contact came about (Quick Scan): own observation, via the person or group, professional or non-professional network.",
      "Contacts selon leur origine (Quick Scan) : observation propre, par la personne ou le groupe, réseau professionnel ou non professionnel.",
    ),
  ),
  multiSeries(
    "contacts_by_action",
    "action",
    l("Contacten per soort actie", "Contacts by action kind", "Contacts par type d'action"),
    l(
      "Contacten per soort actie van de Quick Scan: directe hulp, indirecte hulp, participeren aan de leefwereld, structureel werk.",
      "Contacts by the Quick Scan's action kind: direct help, indirect help, participating in the life world, structural work.",
      "Contacts par type d'action du Quick Scan : aide directe, aide indirecte, participation au milieu de vie, travail structurel.",
    ),
  ),
  multiSeries(
    "contacts_by_life_domain",
    "life_domain",
    l("Contacten per levensdomein", "Contacts by life domain", "Contacts par domaine de vie"),
    l(
      "Contacten per levensdomein dat aan bod kwam (de waardelijst van de organisatie).",
      "Contacts by each life domain touched (the organisation's value list).",
      "Contacts par domaine de vie abordé (la liste de valeurs de l'organisation).",
    ),
  ),
  contactSeries(
    "contacts_group_vs_individual",
    "contact_kind",
    l("Groeps- en individuele contacten", "Group and individual contacts", "Contacts de groupe et individuels"),
    l(
      "Een contact is een groepscontact als het met een groep geregistreerd werd of in groepsmodus; anders is het individueel.",
      "A contact is a group contact when it was registered with a group or in group mode; otherwise it is individual.",
      "Un contact est un contact de groupe s'il a été enregistré avec un groupe ou en mode groupe ; sinon il est individuel.",
    ),
  ),
  // ---- Referrals -----------------------------------------------------------------------------
  {
    id: "referrals_total",
    section: "referrals",
    kind: "number",
    unit: "referrals",
    name: l("Toeleidingen", "Referrals", "Orientations"),
    counts: l(
      "Alle toeleidingen naar een dienst die in de periode werden voorgesteld door een team binnen de selectie; met een wijkfilter alleen die vanuit een contact in die wijk.",
      "Every referral to a service proposed in the period by a team in the selection; with a neighbourhood filter only those made from a contact in that neighbourhood.",
      "Toutes les orientations vers un service proposées pendant la période par une équipe de la sélection ; avec un filtre de quartier, seulement celles issues d'un contact dans ce quartier.",
    ),
    date: REFERRAL_DATE,
    people: REFERRAL_PEOPLE,
  },
  {
    id: "referrals_by_service",
    section: "referrals",
    kind: "series",
    unit: "referrals",
    dimension: "referral_service",
    name: l("Toeleidingen per dienst", "Referrals by service", "Orientations par service"),
    counts: l(
      "Toeleidingen per dienst waarnaar toegeleid werd (de waardelijst van de organisatie).",
      "Referrals by the service referred to (the organisation's value list).",
      "Orientations par service visé (la liste de valeurs de l'organisation).",
    ),
    date: REFERRAL_DATE,
    people: REFERRAL_PEOPLE,
  },
  {
    id: "referrals_by_outcome",
    section: "referrals",
    kind: "series",
    unit: "referrals",
    dimension: "referral_status",
    name: l("Toeleidingen per uitkomst", "Referrals by outcome", "Orientations par résultat"),
    counts: l(
      "Toeleidingen per uitkomst: voorgesteld, aanvaard, geweigerd, gerealiseerd, niet gerealiseerd.",
      "Referrals by outcome: proposed, accepted, refused, completed, not completed.",
      "Orientations par résultat : proposée, acceptée, refusée, réalisée, non réalisée.",
    ),
    date: REFERRAL_DATE,
    people: REFERRAL_PEOPLE,
  },
  {
    id: "referrals_by_service_and_outcome",
    section: "referrals",
    kind: "matrix",
    unit: "referrals",
    dimension: "referral_service",
    name: l(
      "Toeleidingen per dienst en uitkomst",
      "Referrals by service and outcome",
      "Orientations par service et résultat",
    ),
    counts: l(
      "Kruistabel van dienst (rijen) en uitkomst (kolommen); met rij- en kolomtotalen.",
      "Cross table of service (rows) and outcome (columns), with row and column totals.",
      "Tableau croisé du service (lignes) et du résultat (colonnes), avec totaux.",
    ),
    date: REFERRAL_DATE,
    people: REFERRAL_PEOPLE,
  },
  // ---- Cases and complaints (the cases module's tables) --------------------------------------
  {
    id: "cases_by_intake_channel",
    section: "cases",
    kind: "matrix",
    unit: "cases",
    dimension: "intake_channel",
    needsCases: true,
    name: l("Dossiers per aanmeldingskanaal", "Cases by intake channel", "Dossiers par canal d'entrée"),
    counts: l(
      "Adresdossiers per aanmeldingskanaal, met drie kolommen: geopend in de periode, gesloten in de periode, actief op de laatste dag van de periode.",
      "Address cases by intake channel, in three columns: opened in the period, closed in the period, active on the last day of the period.",
      "Dossiers d'adresse par canal d'entrée, en trois colonnes : ouverts pendant la période, clôturés pendant la période, actifs le dernier jour de la période.",
    ),
    date: CASE_DATE,
    people: CASE_PEOPLE,
  },
  {
    id: "cases_by_neighbourhood",
    section: "cases",
    kind: "matrix",
    unit: "cases",
    dimension: "neighbourhood",
    needsCases: true,
    name: l("Dossiers per wijk", "Cases by neighbourhood", "Dossiers par quartier"),
    counts: l(
      "Adresdossiers per wijk van het adres: geopend, gesloten, actief op de laatste dag.",
      "Address cases by the address's neighbourhood: opened, closed, active on the last day.",
      "Dossiers d'adresse par quartier de l'adresse : ouverts, clôturés, actifs le dernier jour.",
    ),
    date: CASE_DATE,
    people: CASE_PEOPLE,
  },
  {
    id: "cases_by_nuisance",
    section: "cases",
    kind: "matrix",
    unit: "cases",
    dimension: "nuisance",
    needsCases: true,
    name: l(
      "Dossiers met en zonder overlastcomponent",
      "Cases with and without a nuisance component",
      "Dossiers avec et sans composante de nuisance",
    ),
    counts: l(
      "Adresdossiers met en zonder overlastcomponent: geopend, gesloten, actief op de laatste dag (zoals '68 actieve adressen, 16 met en 52 zonder overlast'). Een dossier heeft een overlastcomponent als een klacht die ten laatste op de peildag binnenkwam, op die dag nog niet opgelost was; de peildag is de laatste dag van de periode, of de sluitingsdag voor een dossier dat in de periode sloot.",
      "Address cases with and without a nuisance component: opened, closed, active on the last day (as in '68 active addresses, 16 with and 52 without nuisance'). A case has a nuisance component when a complaint received on or before its reference day was not resolved by that day; the reference day is the last day of the period, or the closing day for a case closed in the period.",
      "Dossiers d'adresse avec et sans composante de nuisance : ouverts, clôturés, actifs le dernier jour (comme « 68 adresses actives, 16 avec et 52 sans nuisance »). Un dossier a une composante de nuisance si une plainte reçue au plus tard le jour de référence n'était pas résolue ce jour-là ; le jour de référence est le dernier jour de la période, ou le jour de clôture pour un dossier clôturé pendant la période.",
    ),
    date: CASE_DATE,
    people: CASE_PEOPLE,
  },
  {
    id: "complaints_by_theme",
    section: "cases",
    kind: "series",
    unit: "complaints",
    dimension: "complaint_theme",
    needsCases: true,
    name: l("Klachten per thema", "Complaints by theme", "Plaintes par thème"),
    counts: l(
      "Overlastklachten per thema (afval, lawaai, overbewoning, hygiëne, veiligheid, andere) die in de periode binnenkwamen.",
      "Nuisance complaints by theme (waste, noise, overcrowding, hygiene, safety, other) received in the period.",
      "Plaintes pour nuisance par thème (déchets, bruit, surpeuplement, hygiène, sécurité, autre) reçues pendant la période.",
    ),
    date: l(
      "De dag waarop de klacht binnenkwam (dag in Brussel).",
      "The day the complaint was received (day in Brussels).",
      "Le jour de réception de la plainte (jour de Bruxelles).",
    ),
    people: l(
      "Elke klacht telt één keer; anonieme klagers tellen ook.",
      "Each complaint counts once; anonymous complainants count too.",
      "Chaque plainte compte une fois ; les plaignants anonymes comptent aussi.",
    ),
  },
  {
    id: "housing_first_housed",
    section: "housing",
    kind: "number",
    unit: "persons",
    needsCases: true,
    name: l("Gehuisvest via Housing First", "Housed through Housing First", "Logés via Housing First"),
    counts: l(
      "Housing First-trajecten (één per persoon) waarvan de eerste woning in de periode valt.",
      "Housing First trajectories (one per person) whose first housing falls in the period.",
      "Trajets Housing First (un par personne) dont le premier logement tombe dans la période.",
    ),
    date: l(
      "De dag waarop de persoon de woning kreeg (dag in Brussel).",
      "The day the person got the home (day in Brussels).",
      "Le jour où la personne a obtenu le logement (jour de Bruxelles).",
    ),
    people: PERSONS_PEOPLE,
  },
  {
    id: "housing_first_retention",
    section: "housing",
    kind: "share",
    unit: "persons",
    dimension: "housing_outcome",
    needsCases: true,
    name: l("Woonbehoud Housing First", "Housing First retention", "Maintien dans le logement Housing First"),
    counts: l(
      "Van wie vóór de periode via Housing First een woning kreeg: het deel met een woning volgens het laatste opvolgmoment (6, 12 of 24 maanden) dat op de laatste dag van de periode verstreken is en een uitkomst heeft. Uit het oog verloren telt als geen woning; opvolgmomenten zonder uitkomst worden apart getoond en tellen niet in de noemer.",
      "Of those housed through Housing First before the period: the share with a home at the latest follow-up (6, 12 or 24 months) that is due by the last day of the period and has an outcome. Lost to follow-up counts as not housed; due follow-ups without an outcome are shown apart and left out of the denominator.",
      "Parmi les personnes logées via Housing First avant la période : la part ayant un logement au dernier suivi (6, 12 ou 24 mois) échu au dernier jour de la période et dont le résultat est connu. Perdu de vue compte comme sans logement ; les suivis échus sans résultat sont montrés à part et exclus du dénominateur.",
    ),
    date: l(
      "De dag van de woning (voor de periode) en de laatste dag van de periode.",
      "The day of housing (before the period) and the last day of the period.",
      "Le jour du logement (avant la période) et le dernier jour de la période.",
    ),
    people: PERSONS_PEOPLE,
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRICS)[number]["id"];
export const METRIC_IDS = METRICS.map((m) => m.id) as [MetricId, ...MetricId[]];

export function metricById(id: string): MetricDefinition | undefined {
  return (METRICS as readonly MetricDefinition[]).find((m) => m.id === id);
}

/** Rules that hold for every figure; the annex prints them before the definitions. */
export const GENERAL_RULES: Localised[] = [
  l(
    "Periode: van de eerste tot en met de laatste dag, dagen in Brussel (Europe/Brussels). Een jaarverslag gaat over 1 januari tot en met 31 december.",
    "Period: from the first to the last day inclusive, days in Brussels (Europe/Brussels). A yearly report covers 1 January to 31 December.",
    "Période : du premier au dernier jour inclus, jours de Bruxelles (Europe/Brussels). Un rapport annuel couvre du 1er janvier au 31 décembre.",
  ),
  l(
    "Datatijdstip: elk verslag telt alleen wat op zijn datatijdstip geregistreerd was en bewaart dat tijdstip en zijn parameters, zodat dezelfde gegevens en parameters altijd dezelfde cijfers geven. Correcties van bestaande registraties achteraf kunnen een herberekening wel veranderen; het bewaarde verslag blijft zoals het werd gepubliceerd.",
    "Data timestamp: every report counts only what was registered at its data timestamp and keeps that timestamp and its parameters, so the same data and parameters always give the same numbers. Later corrections of existing registrations can change a recomputation; the stored report stays as it was published.",
    "Horodatage des données : chaque rapport ne compte que ce qui était enregistré à son horodatage et conserve cet horodatage et ses paramètres, de sorte que les mêmes données et paramètres donnent toujours les mêmes chiffres. Des corrections ultérieures d'enregistrements existants peuvent modifier un recalcul ; le rapport conservé reste tel qu'il a été publié.",
  ),
  l(
    "Kleine aantallen: elk cijfer dat de app verlaat of dat de directie ziet, is afgeschermd. Aantallen van 1 tot 4 worden '<5'; daarna wordt in elke rij en kolom met een zichtbaar totaal nog minstens één ander vakje verborgen (het kleinste), zodat geen verborgen aantal uit het totaal terug te rekenen is. Nullen blijven zichtbaar. Percentages worden alleen getoond als teller en noemer zichtbaar zijn.",
    "Small numbers: every figure that leaves the app or is shown to the director is suppressed. Counts from 1 to 4 become '<5'; then every row and column with a visible total hides at least one more cell (the smallest), so no hidden count can be worked back from the total. Zeros stay visible. Percentages are shown only when numerator and denominator are visible.",
    "Petits nombres : tout chiffre qui quitte l'application ou qui est montré à la direction est protégé. Les nombres de 1 à 4 deviennent « <5 » ; ensuite, chaque ligne et colonne dont le total est visible masque au moins une autre case (la plus petite), afin qu'aucun nombre masqué ne puisse être déduit du total. Les zéros restent visibles. Les pourcentages ne sont affichés que si le numérateur et le dénominateur sont visibles.",
  ),
  l(
    "Selectie: een team of de hele dienst, eventueel één wijk. Coördinatoren zien de teams die ze coördineren; de directie ziet de hele dienst, alleen in cijfers en nooit de onderliggende personen of contacten.",
    "Selection: one team or the whole department, optionally one neighbourhood. Coordinators see the teams they coordinate; the director sees the whole department, in figures only and never the persons or contacts behind them.",
    "Sélection : une équipe ou tout le service, éventuellement un quartier. Les coordinateurs voient les équipes qu'ils coordonnent ; la direction voit tout le service, uniquement en chiffres et jamais les personnes ou contacts sous-jacents.",
  ),
];
