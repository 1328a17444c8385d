// Error messages of data subject rights (restriction, anonymisation), in the three languages.
// messages.ts folds them into the one catalogue; problem.ts into the key list.
export const PROTECTION_ERROR_KEYS = ["person_restricted", "person_anonymised"] as const;

type Texts = Record<(typeof PROTECTION_ERROR_KEYS)[number] | "field.restricted" | "field.anonymised", string>;

const nl: Texts = {
  person_restricted:
    "Dit dossier is op verzoek van de persoon beperkt (AVG art. 18): je kunt het niet wijzigen of gebruiken in nieuwe contacten. Neem contact op met de functionaris voor gegevensbescherming.",
  person_anonymised: "Dit dossier is geanonimiseerd: er is niets meer aan te wijzigen.",
  "field.restricted": "Het dossier van deze persoon is beperkt; je kunt het nu niet gebruiken.",
  "field.anonymised": "Het dossier van deze persoon is geanonimiseerd.",
};

const en: Texts = {
  person_restricted:
    "This record is restricted at the person's request (GDPR art. 18): you cannot change it or use it in new contacts. Please contact the data protection officer.",
  person_anonymised: "This record has been anonymised: nothing in it can be changed any more.",
  "field.restricted": "This person's record is restricted; you cannot use it now.",
  "field.anonymised": "This person's record has been anonymised.",
};

const fr: Texts = {
  person_restricted:
    "Ce dossier est limité à la demande de la personne (RGPD art. 18) : vous ne pouvez ni le modifier ni l'utiliser dans de nouveaux contacts. Contactez le ou la délégué·e à la protection des données.",
  person_anonymised: "Ce dossier a été anonymisé : plus rien ne peut y être modifié.",
  "field.restricted": "Le dossier de cette personne est limité ; vous ne pouvez pas l'utiliser pour l'instant.",
  "field.anonymised": "Le dossier de cette personne a été anonymisé.",
};

export const PROTECTION_MESSAGES = { nl, en, fr };
