// Error messages in the three languages, shared by the API (problem `detail`) and the web app.

import { AUTH_MESSAGES } from "./auth-messages.ts";
import type { Locale } from "./common.ts";
import type { ErrorKey } from "./problem.ts";
import { PROTECTION_MESSAGES } from "./protection-messages.ts";

type Catalogue = Record<ErrorKey, string> & Record<string, string>;

const nl: Catalogue = {
  validation: "Sommige gegevens zijn niet geldig.",
  malformed_json: "Het verzoek is geen geldige JSON.",
  body_too_large: "Het verzoek is te groot.",
  unsupported_media_type: "Dit type inhoud wordt niet ondersteund.",
  unauthenticated: "Meld je aan om verder te gaan.",
  session_expired: "Je sessie is verlopen. Meld je opnieuw aan.",
  forbidden: "Je hebt geen toegang tot deze actie.",
  csrf: "Het verzoek kon niet worden gecontroleerd. Laad de pagina opnieuw.",
  not_found: "Niet gevonden.",
  conflict: "Dit bestaat al of is intussen gewijzigd.",
  invalid_credentials: "E-mailadres of wachtwoord is niet juist.",
  too_many_attempts: "Te veel pogingen. Probeer het over enkele minuten opnieuw.",
  rate_limited: "Te veel verzoeken. Probeer het zo meteen opnieuw.",
  password_too_short: "Het wachtwoord moet minstens 12 tekens lang zijn.",
  password_reused: "Kies een ander wachtwoord dan het huidige.",
  password_wrong: "Het huidige wachtwoord is niet juist.",
  email_taken: "Dit e-mailadres is al in gebruik.",
  invalid_transition: "Deze stap kan niet vanuit de huidige toestand.",
  internal: "Er ging iets mis aan onze kant. Probeer het opnieuw.",
  "field.required": "Dit veld is verplicht.",
  "field.invalid": "Deze waarde is niet geldig.",
  "field.too_small": "Deze waarde is te klein of te kort.",
  "field.too_big": "Deze waarde is te groot of te lang.",
  "field.unknown": "Dit veld is onbekend.",
  "field.invalid_type": "Deze waarde heeft het verkeerde type.",
  "field.inactive": "Deze waarde is niet meer actief.",
  "field.not_found": "Deze waarde bestaat niet.",
  "field.in_future": "Deze datum ligt in de toekomst.",
  "field.in_past": "Deze datum ligt in het verleden.",
  ...AUTH_MESSAGES.nl,
  ...PROTECTION_MESSAGES.nl,
};

const en: Catalogue = {
  validation: "Some of the data is not valid.",
  malformed_json: "The request is not valid JSON.",
  body_too_large: "The request is too large.",
  unsupported_media_type: "This content type is not supported.",
  unauthenticated: "Sign in to continue.",
  session_expired: "Your session has expired. Please sign in again.",
  forbidden: "You are not allowed to do this.",
  csrf: "The request could not be verified. Reload the page.",
  not_found: "Not found.",
  conflict: "This already exists or was changed in the meantime.",
  invalid_credentials: "E-mail address or password is not correct.",
  too_many_attempts: "Too many attempts. Try again in a few minutes.",
  rate_limited: "Too many requests. Try again shortly.",
  password_too_short: "The password must be at least 12 characters long.",
  password_reused: "Choose a password other than the current one.",
  password_wrong: "The current password is not correct.",
  email_taken: "This e-mail address is already in use.",
  invalid_transition: "This step is not possible from the current state.",
  internal: "Something went wrong on our side. Please try again.",
  "field.required": "This field is required.",
  "field.invalid": "This value is not valid.",
  "field.too_small": "This value is too small or too short.",
  "field.too_big": "This value is too large or too long.",
  "field.unknown": "This field is not known.",
  "field.invalid_type": "This value has the wrong type.",
  "field.inactive": "This value is no longer active.",
  "field.not_found": "This value does not exist.",
  "field.in_future": "This date is in the future.",
  "field.in_past": "This date is in the past.",
  ...AUTH_MESSAGES.en,
  ...PROTECTION_MESSAGES.en,
};

const fr: Catalogue = {
  validation: "Certaines données ne sont pas valides.",
  malformed_json: "La requête n'est pas un JSON valide.",
  body_too_large: "La requête est trop volumineuse.",
  unsupported_media_type: "Ce type de contenu n'est pas pris en charge.",
  unauthenticated: "Connectez-vous pour continuer.",
  session_expired: "Votre session a expiré. Veuillez vous reconnecter.",
  forbidden: "Vous n'êtes pas autorisé·e à effectuer cette action.",
  csrf: "La requête n'a pas pu être vérifiée. Rechargez la page.",
  not_found: "Introuvable.",
  conflict: "Cet élément existe déjà ou a été modifié entre-temps.",
  invalid_credentials: "L'adresse e-mail ou le mot de passe est incorrect.",
  too_many_attempts: "Trop de tentatives. Réessayez dans quelques minutes.",
  rate_limited: "Trop de requêtes. Réessayez dans un instant.",
  password_too_short: "Le mot de passe doit contenir au moins 12 caractères.",
  password_reused: "Choisissez un mot de passe différent de l'actuel.",
  password_wrong: "Le mot de passe actuel est incorrect.",
  email_taken: "Cette adresse e-mail est déjà utilisée.",
  invalid_transition: "Cette étape n'est pas possible depuis l'état actuel.",
  internal: "Un problème est survenu de notre côté. Veuillez réessayer.",
  "field.required": "Ce champ est obligatoire.",
  "field.invalid": "Cette valeur n'est pas valide.",
  "field.too_small": "Cette valeur est trop petite ou trop courte.",
  "field.too_big": "Cette valeur est trop grande ou trop longue.",
  "field.unknown": "Ce champ est inconnu.",
  "field.invalid_type": "Cette valeur n'a pas le bon type.",
  "field.inactive": "Cette valeur n'est plus active.",
  "field.not_found": "Cette valeur n'existe pas.",
  "field.in_future": "Cette date est dans le futur.",
  "field.in_past": "Cette date est dans le passé.",
  ...AUTH_MESSAGES.fr,
  ...PROTECTION_MESSAGES.fr,
};

export const ERROR_MESSAGES: Record<Locale, Catalogue> = { nl, en, fr };

export function errorMessage(locale: Locale, key: string): string {
  return ERROR_MESSAGES[locale][key] ?? ERROR_MESSAGES.en[key] ?? key;
}

/** Picks nl, en or fr from an Accept-Language header; Dutch is the default. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "nl";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((r) => r.lang === "nl" || r.lang === "en" || r.lang === "fr");
  return (hit?.lang as Locale | undefined) ?? "nl";
}
