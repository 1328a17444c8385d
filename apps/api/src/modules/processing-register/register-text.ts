// The words of the register of processing in Dutch, English and French: one [nl, en, fr] triple per
// key of the vocabulary (db/processing-vocabulary.ts), the security measures and the transfers.
import type { Locale } from "@vindplaats/contracts";
import type { RetentionCategory } from "@vindplaats/domain";
import type {
  DataCategory,
  LegalBasis,
  Purpose,
  Recipient,
  RetentionKey,
  Subject,
} from "../../db/processing-vocabulary.ts";

type T3 = readonly [nl: string, en: string, fr: string];
const INDEX: Record<Locale, 0 | 1 | 2> = { nl: 0, en: 1, fr: 2 };
export const pick = (t: T3, locale: Locale) => t[INDEX[locale]];

export const PURPOSE_TEXT: Record<Purpose, { name: T3; description: T3 }> = {
  outreach: {
    name: ["Outreachend werken", "Outreach work", "Travail de proximité"],
    description: [
      "Mensen bereiken die de weg naar hulp niet vinden: contacten registreren, personen (vaak onder een roepnaam) opvolgen, gezinnen en groepen.",
      "Reaching people who do not find their way to help: registering contacts, following up people (often by a nickname), households and groups.",
      "Atteindre les personnes qui ne trouvent pas le chemin de l'aide : enregistrer les contacts, suivre les personnes (souvent sous un surnom), ménages et groupes.",
    ],
  },
  case_work: {
    name: ["Dossiers en trajecten", "Cases and trajectories", "Dossiers et trajets"],
    description: [
      "Adresdossiers van buurtstewards (overlastmeldingen, huisbezoeken) en begeleidingstrajecten zoals Housing First.",
      "Address cases of neighbourhood stewards (nuisance complaints, home visits) and support trajectories such as Housing First.",
      "Dossiers d'adresse des stewards de quartier (plaintes, visites à domicile) et trajets d'accompagnement comme Housing First.",
    ],
  },
  referrals: {
    name: ["Toeleiding en opvolging", "Referrals and follow-up", "Orientation et suivi"],
    description: [
      "Mensen toeleiden naar diensten en het resultaat opvolgen; taken van hulpverleners.",
      "Referring people to services and following up the outcome; workers' tasks.",
      "Orienter les personnes vers des services et suivre le résultat ; tâches des intervenants.",
    ],
  },
  secrecy: {
    name: ["Beroepsgeheim en delen", "Professional secrecy and sharing", "Secret professionnel et partage"],
    description: [
      "Gegevens delen met een ander team of een partner op basis van toestemming of gedeeld beroepsgeheim; noodtoegang met reden.",
      "Sharing data with another team or a partner on consent or shared professional secrecy; emergency access with a reason.",
      "Partager des données avec une autre équipe ou un partenaire sur consentement ou secret partagé ; accès d'urgence motivé.",
    ],
  },
  figures: {
    name: ["Cijfers en verhalen", "Figures and stories", "Chiffres et récits"],
    description: [
      "Jaarverslag en beleidscijfers met kleine aantallen afgeschermd; geanonimiseerde citaten met toestemming.",
      "Yearly report and policy figures with small numbers suppressed; anonymised quotes with consent.",
      "Rapport annuel et chiffres avec les petits nombres masqués ; citations anonymisées avec consentement.",
    ],
  },
  accounts: {
    name: ["Gebruikersaccounts", "User accounts", "Comptes utilisateurs"],
    description: [
      "Aanmelden van medewerkers, rollen en teams, sessies, tweede factor.",
      "Staff sign-in, roles and teams, sessions, second factor.",
      "Connexion du personnel, rôles et équipes, sessions, second facteur.",
    ],
  },
  accountability: {
    name: ["Verantwoording", "Accountability", "Responsabilité"],
    description: [
      "Wie deed wat wanneer: auditspoor, historiek van wijzigingen, correcties.",
      "Who did what when: audit trail, history of changes, corrections.",
      "Qui a fait quoi et quand : piste d'audit, historique des modifications, corrections.",
    ],
  },
  offline: {
    name: ["Offline werken", "Offline work", "Travail hors ligne"],
    description: [
      "Een versleutelde kopie van de werkset op de telefoon van de hulpverlener en het synchroniseren ervan.",
      "An encrypted copy of the working set on the worker's phone and its synchronisation.",
      "Une copie chiffrée de l'ensemble de travail sur le téléphone de l'intervenant et sa synchronisation.",
    ],
  },
};

export const SUBJECT_TEXT: Record<Subject, T3> = {
  persons_reached: [
    "Bereikte personen (gasten) en hun gezinsleden",
    "People reached and their household members",
    "Personnes atteintes et membres de leur ménage",
  ],
  complainants: ["Buren die een melding deden", "Neighbours who complained", "Voisins ayant déposé une plainte"],
  staff: ["Medewerkers", "Staff", "Membres du personnel"],
  partner_staff: [
    "Contactpersonen bij partners",
    "Contact persons at partner services",
    "Personnes de contact chez les partenaires",
  ],
};

export const DATA_TEXT: Record<DataCategory, T3> = {
  identity: [
    "Identificatie (roepnaam, naam, geboortedatum)",
    "Identification (nickname, name, date of birth)",
    "Identification (surnom, nom, date de naissance)",
  ],
  national_number: ["Rijksregisternummer", "National register number", "Numéro de registre national"],
  contact_details: ["Contactgegevens", "Contact details", "Coordonnées"],
  address: ["Adres", "Address", "Adresse"],
  characteristics: [
    "Kenmerken (leeftijdsgroep, gender, nationaliteit, talen); nationaliteit kan etnische afkomst onthullen",
    "Characteristics (age band, gender, nationality, languages); nationality may reveal ethnic origin",
    "Caractéristiques (tranche d'âge, genre, nationalité, langues) ; la nationalité peut révéler l'origine ethnique",
  ],
  social_situation: [
    "Sociale situatie en levensdomeinen, inclusief gezondheid en verslaving (bijzondere categorie)",
    "Social situation and life domains, including health and addiction (special category)",
    "Situation sociale et domaines de vie, y compris santé et dépendance (catégorie particulière)",
  ],
  encounters: [
    "Contacten (wanneer, waar, met wie)",
    "Encounters (when, where, with whom)",
    "Rencontres (quand, où, avec qui)",
  ],
  notes: ["Notities en vrije tekst", "Notes and free text", "Notes et texte libre"],
  complaints: ["Overlastmeldingen", "Nuisance complaints", "Plaintes pour nuisances"],
  consent: ["Toestemmingen en deelbasis", "Consent and sharing basis", "Consentements et base de partage"],
  location: ["Vindplaats en wijk", "Usual place and neighbourhood", "Lieu habituel et quartier"],
  staff_identity: ["Identiteit en rol van medewerkers", "Staff identity and role", "Identité et rôle du personnel"],
  staff_activity: ["Handelingen van medewerkers", "Actions of staff", "Actions du personnel"],
  credentials: [
    "Aanmeldgegevens (gehasht of versleuteld)",
    "Credentials (hashed or encrypted)",
    "Identifiants (hachés ou chiffrés)",
  ],
  access_log: ["Toegangslog en noodtoegang", "Access log and emergency access", "Journal d'accès et accès d'urgence"],
};

export const BASIS_TEXT: Record<LegalBasis, T3> = {
  public_task: [
    "Art. 6.1.e AVG: taak van algemeen belang (lokaal sociaal beleid)",
    "Art. 6(1)(e) GDPR: task in the public interest (local social policy)",
    "Art. 6.1.e RGPD : mission d'intérêt public (politique sociale locale)",
  ],
  public_task_special: [
    "Art. 6.1.e AVG, met art. 9.2.g en 9.2.h AVG voor gezondheids- en andere bijzondere gegevens, onder beroepsgeheim",
    "Art. 6(1)(e) GDPR, with art. 9(2)(g) and 9(2)(h) GDPR for health and other special data, under professional secrecy",
    "Art. 6.1.e RGPD, avec les art. 9.2.g et 9.2.h RGPD pour les données de santé et autres données particulières, sous secret professionnel",
  ],
  consent: [
    "Art. 6.1.a AVG: toestemming van de persoon (datum, wijze en reikwijdte bewaard)",
    "Art. 6(1)(a) GDPR: the person's consent (date, manner and scope recorded)",
    "Art. 6.1.a RGPD : consentement de la personne (date, forme et portée enregistrées)",
  ],
  legal_obligation: [
    "Art. 6.1.c AVG met art. 5.2 en 32 AVG: verantwoording en beveiliging",
    "Art. 6(1)(c) GDPR with art. 5(2) and 32 GDPR: accountability and security",
    "Art. 6.1.c RGPD avec les art. 5.2 et 32 RGPD : responsabilité et sécurité",
  ],
  staff: [
    "Art. 6.1.c en 6.1.e AVG: veilige toegang van medewerkers (art. 32 AVG)",
    "Art. 6(1)(c) and (e) GDPR: secure access for staff (art. 32 GDPR)",
    "Art. 6.1.c et 6.1.e RGPD : accès sécurisé du personnel (art. 32 RGPD)",
  ],
};

export const RECIPIENT_TEXT: Record<Recipient, T3> = {
  own_team: ["Het eigen team", "The own team", "L'équipe propre"],
  shared_teams: [
    "Andere teams, enkel na delen of noodtoegang",
    "Other teams, only after sharing or emergency access",
    "Autres équipes, uniquement après partage ou accès d'urgence",
  ],
  partners_on_consent: ["Partners, met toestemming", "Partners, with consent", "Partenaires, avec consentement"],
  coordinators: ["Coördinatoren van het team", "The team's coordinators", "Coordinateurs de l'équipe"],
  dpo: [
    "De functionaris voor gegevensbescherming",
    "The data protection officer",
    "Le délégué à la protection des données",
  ],
  administrators: ["Beheerders", "Administrators", "Administrateurs"],
  director_figures: [
    "Directie, enkel als afgeschermde cijfers",
    "Management, as suppressed figures only",
    "Direction, uniquement sous forme de chiffres masqués",
  ],
  city_report: [
    "Stadsbestuur en beleid, via het anonieme jaarverslag",
    "City council and policy, through the anonymous yearly report",
    "Autorités et politique de la ville, via le rapport annuel anonyme",
  ],
};

export const RETENTION_CATEGORY_TEXT: Record<RetentionCategory, T3> = {
  inactive_persons: [
    "Geanonimiseerd na {{period}} zonder contact",
    "Anonymised after {{period}} without contact",
    "Anonymisé après {{period}} sans contact",
  ],
  person_notes: [
    "Gewist {{period}} na het schrijven",
    "Deleted {{period}} after writing",
    "Supprimé {{period}} après rédaction",
  ],
  contact_notes: [
    "Gewist {{period}} na het contact",
    "Deleted {{period}} after the contact",
    "Supprimé {{period}} après le contact",
  ],
  closed_cases: [
    "Gewist {{period}} na het afsluiten van het dossier",
    "Deleted {{period}} after the case was closed",
    "Supprimé {{period}} après la clôture du dossier",
  ],
  closed_trajectories: [
    "Gewist {{period}} na het afsluiten van het traject",
    "Deleted {{period}} after the trajectory was closed",
    "Supprimé {{period}} après la clôture du trajet",
  ],
  sessions: [
    "Gewist {{period}} na het einde van de sessie",
    "Deleted {{period}} after the session ended",
    "Supprimé {{period}} après la fin de la session",
  ],
  sync_records: [
    "Gewist {{period}} na ontvangst",
    "Deleted {{period}} after receipt",
    "Supprimé {{period}} après réception",
  ],
};

export const RETENTION_NOT_SET: T3 = [
  "Geen bewaartermijn ingesteld: bewaard tot de organisatie een termijn kiest ({{period}} voorgesteld)",
  "No retention period set: kept until the organisation chooses one ({{period}} proposed)",
  "Aucune durée fixée : conservé jusqu'à ce que l'organisation en choisisse une ({{period}} proposé)",
];

export const RETENTION_FIXED_TEXT: Record<Exclude<RetentionKey, RetentionCategory>, T3> = {
  kept_for_figures: [
    "Bewaard voor de jaarcijfers; na anonimisering niet meer tot een persoon herleidbaar",
    "Kept for the yearly figures; no longer linked to an identifiable person after anonymisation",
    "Conservé pour les chiffres annuels ; plus lié à une personne identifiable après anonymisation",
  ],
  account_lifetime: [
    "Zolang het account bestaat; accounts worden gedeactiveerd, niet gewist, om de historiek verantwoordbaar te houden",
    "As long as the account exists; accounts are deactivated, not deleted, to keep the history accountable",
    "Tant que le compte existe ; les comptes sont désactivés, non supprimés, pour garder l'historique",
  ],
  audit_trail: [
    "Zolang Vindplaats gebruikt wordt: de hashketen bewijst dat het spoor volledig is",
    "As long as Vindplaats is used: the hash chain proves the trail is complete",
    "Tant que Vindplaats est utilisé : la chaîne de hachage prouve que la piste est complète",
  ],
  with_record: [
    "Zolang het record waartoe het hoort",
    "As long as the record it belongs to",
    "Aussi longtemps que l'enregistrement auquel il appartient",
  ],
  until_withdrawn: [
    "Tot de persoon de toestemming intrekt",
    "Until the person withdraws consent",
    "Jusqu'au retrait du consentement par la personne",
  ],
  short_lived: [
    "Minuten: gewist na gebruik of verval",
    "Minutes: removed when used or expired",
    "Quelques minutes : supprimé après usage ou expiration",
  ],
};

export const MONTHS: T3 = ["{{n}} maanden", "{{n}} months", "{{n}} mois"];
export const YEARS: T3 = ["{{n}} jaar", "{{n}} years", "{{n}} ans"];

export const TRANSFERS: T3 = [
  "Geen doorgifte naar derde landen: Vindplaats draait op servers van de organisatie zelf.",
  "No transfers to third countries: Vindplaats runs on the organisation's own servers.",
  "Aucun transfert vers des pays tiers : Vindplaats fonctionne sur les serveurs de l'organisation.",
];

export const SECURITY: readonly T3[] = [
  [
    "Rijbeveiliging in de database per organisatie en per team (need-to-know), ook voor fouten in de code",
    "Row-level security in the database per organisation and per team (need-to-know), also against mistakes in the code",
    "Sécurité au niveau des lignes par organisation et par équipe (besoin d'en connaître), même contre les erreurs du code",
  ],
  [
    "Eén autorisatiebeleid per rol, relatie en veldklasse, met een geautomatiseerde test van elke route",
    "One authorisation policy per role, relation and field class, with an automated test of every route",
    "Une politique d'autorisation par rôle, relation et classe de champ, avec un test automatisé de chaque route",
  ],
  [
    "Auditspoor met hashketen per organisatie; elke inzage van een persoon wordt gelogd",
    "Hash-chained audit trail per organisation; every access to a person is logged",
    "Piste d'audit chaînée par organisation ; chaque accès à une personne est journalisé",
  ],
  [
    "Notities, gevoelige velden en rijksregisternummer versleuteld in rust met roteerbare sleutels",
    "Notes, sensitive fields and national register number encrypted at rest with rotatable keys",
    "Notes, champs sensibles et numéro de registre national chiffrés au repos avec des clés renouvelables",
  ],
  [
    "Sessies op de server, wachtwoorden met argon2id, tweede factor voor coördinatoren, beheerders en DPO",
    "Server-side sessions, argon2id passwords, second factor for coordinators, administrators and the DPO",
    "Sessions côté serveur, mots de passe argon2id, second facteur pour coordinateurs, administrateurs et DPD",
  ],
  [
    "Offline kopie op telefoons versleuteld; toestellen kunnen op afstand ingetrokken worden",
    "Offline copies on phones encrypted; devices can be revoked remotely",
    "Copies hors ligne chiffrées sur les téléphones ; les appareils peuvent être révoqués à distance",
  ],
  [
    "Kleine aantallen afgeschermd in cijfers; logs bevatten nooit persoonsgegevens",
    "Small numbers suppressed in figures; logs never contain personal data",
    "Petits nombres masqués dans les chiffres ; les journaux ne contiennent jamais de données personnelles",
  ],
  [
    "Bewaartermijnen per categorie uitgevoerd door een geplande taak; back-ups met hersteltest",
    "Retention periods per category carried out by a scheduled job; backups with a restore drill",
    "Durées de conservation par catégorie appliquées par une tâche planifiée ; sauvegardes avec test de restauration",
  ],
];
