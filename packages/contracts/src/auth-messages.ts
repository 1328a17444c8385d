// Error messages of the second factor, passkeys, single sign-on and the password rule, in the
// three languages. messages.ts folds them into the one catalogue; problem.ts into the key list.
export const AUTH_ERROR_KEYS = [
  "password_common",
  "second_factor_required",
  "enrolment_required",
  "code_invalid",
  "no_pending_step",
  "factor_required",
  "not_enrolled",
  "passkey_failed",
  "oidc_not_configured",
  "oidc_failed",
  "oidc_no_access",
] as const;

type Texts = Record<(typeof AUTH_ERROR_KEYS)[number] | "field.password_common" | "field.code_invalid", string>;

const nl: Texts = {
  password_common:
    "Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden. Kies een ander, bijvoorbeeld een zin van een paar woorden.",
  second_factor_required: "Bevestig eerst je aanmelding met je tweede factor.",
  enrolment_required: "Stel eerst een tweede factor in voor je verder kunt.",
  code_invalid: "Deze code is niet juist of werd al gebruikt.",
  no_pending_step: "Er is geen aanmeldstap meer te bevestigen.",
  factor_required: "Je moet minstens één tweede factor behouden.",
  not_enrolled: "Je hebt nog geen authenticator-app ingesteld.",
  passkey_failed: "Aanmelden met de passkey is niet gelukt.",
  oidc_not_configured: "Aanmelden via je organisatie is niet ingesteld.",
  oidc_failed: "Aanmelden via je organisatie is niet gelukt. Probeer het opnieuw.",
  oidc_no_access: "Je account bij je organisatie geeft geen toegang tot Vindplaats. Vraag het aan je beheerder.",
  "field.password_common": "Dit wachtwoord is te bekend. Kies een ander.",
  "field.code_invalid": "Deze code is niet juist.",
};

const en: Texts = {
  password_common:
    "This password appears in lists of common or leaked passwords. Choose another, for example a phrase of a few words.",
  second_factor_required: "Confirm your sign-in with your second factor first.",
  enrolment_required: "Set up a second factor before you continue.",
  code_invalid: "This code is not correct or was already used.",
  no_pending_step: "There is no sign-in step left to confirm.",
  factor_required: "You must keep at least one second factor.",
  not_enrolled: "You have not set up an authenticator app yet.",
  passkey_failed: "Signing in with the passkey did not work.",
  oidc_not_configured: "Signing in through your organisation is not set up.",
  oidc_failed: "Signing in through your organisation did not work. Please try again.",
  oidc_no_access: "Your organisation account gives no access to Vindplaats. Ask your administrator.",
  "field.password_common": "This password is too well known. Choose another.",
  "field.code_invalid": "This code is not correct.",
};

const fr: Texts = {
  password_common:
    "Ce mot de passe figure dans des listes de mots de passe courants ou divulgués. Choisissez-en un autre, par exemple une phrase de quelques mots.",
  second_factor_required: "Confirmez d'abord votre connexion avec votre second facteur.",
  enrolment_required: "Configurez un second facteur avant de continuer.",
  code_invalid: "Ce code est incorrect ou a déjà été utilisé.",
  no_pending_step: "Il n'y a plus d'étape de connexion à confirmer.",
  factor_required: "Vous devez conserver au moins un second facteur.",
  not_enrolled: "Vous n'avez pas encore configuré d'application d'authentification.",
  passkey_failed: "La connexion avec la clé d'accès a échoué.",
  oidc_not_configured: "La connexion via votre organisation n'est pas configurée.",
  oidc_failed: "La connexion via votre organisation a échoué. Veuillez réessayer.",
  oidc_no_access: "Votre compte de l'organisation ne donne pas accès à Vindplaats. Demandez à votre administrateur.",
  "field.password_common": "Ce mot de passe est trop connu. Choisissez-en un autre.",
  "field.code_invalid": "Ce code est incorrect.",
};

export const AUTH_MESSAGES = { nl, en, fr };
