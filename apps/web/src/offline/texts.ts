// Texts of the offline layer in the three languages. Kept here until the i18n catalogues take them.
import type { Locale } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";

const nl = {
  savedHere: (n: number) =>
    n === 1 ? "1 registratie opgeslagen op deze telefoon" : `${n} registraties opgeslagen op deze telefoon`,
  waiting: "wacht op synchronisatie",
  synced: "Gesynchroniseerd",
  syncedAt: (t: string) => `Gesynchroniseerd om ${t}`,
  syncing: "Bezig met synchroniseren…",
  offline: "Geen netwerk: je werk blijft op deze telefoon tot er weer verbinding is.",
  signedOut: "Je sessie is verlopen. Meld je opnieuw aan: je werk blijft bewaard en wordt daarna verstuurd.",
  error: "Synchroniseren lukt nu niet; we proberen het straks opnieuw.",
  stuck:
    "De wachtrij zit vast: registraties raken al een tijd niet door. Neem contact op met je coördinator als dit blijft.",
  attention: (n: number) =>
    n === 1
      ? "1 registratie werd geweigerd en vraagt je aandacht."
      : `${n} registraties werden geweigerd en vragen je aandacht.`,
  wiped: "De gegevens op dit toestel zijn gewist.",
  syncNow: "Nu synchroniseren",
  nextTry: (t: string) => `Volgende poging om ${t}.`,
  statusLabel: "Synchronisatie",
};
type Texts = typeof nl;

const en: Texts = {
  savedHere: (n) => (n === 1 ? "1 registration saved on this phone" : `${n} registrations saved on this phone`),
  waiting: "waiting to sync",
  synced: "Synced",
  syncedAt: (t) => `Synced at ${t}`,
  syncing: "Syncing…",
  offline: "No network: your work stays on this phone until you are connected again.",
  signedOut: "Your session expired. Sign in again: your work is kept and sent afterwards.",
  error: "Syncing does not work right now; we will try again shortly.",
  stuck: "The queue is stuck: registrations have not gone through for a while. Contact your coordinator if this lasts.",
  attention: (n) =>
    n === 1
      ? "1 registration was refused and needs your attention."
      : `${n} registrations were refused and need your attention.`,
  wiped: "The data on this device was wiped.",
  syncNow: "Sync now",
  nextTry: (t) => `Next attempt at ${t}.`,
  statusLabel: "Sync",
};

const fr: Texts = {
  savedHere: (n) =>
    n === 1 ? "1 enregistrement sauvegardé sur ce téléphone" : `${n} enregistrements sauvegardés sur ce téléphone`,
  waiting: "en attente de synchronisation",
  synced: "Synchronisé",
  syncedAt: (t) => `Synchronisé à ${t}`,
  syncing: "Synchronisation…",
  offline: "Pas de réseau : ton travail reste sur ce téléphone jusqu'au retour de la connexion.",
  signedOut: "Ta session a expiré. Reconnecte-toi : ton travail est conservé et envoyé ensuite.",
  error: "La synchronisation échoue pour l'instant ; nouvel essai bientôt.",
  stuck:
    "La file est bloquée : des enregistrements ne passent plus depuis un moment. Contacte ton coordinateur si cela dure.",
  attention: (n) =>
    n === 1
      ? "1 enregistrement a été refusé et demande ton attention."
      : `${n} enregistrements ont été refusés et demandent ton attention.`,
  wiped: "Les données de cet appareil ont été effacées.",
  syncNow: "Synchroniser",
  nextTry: (t) => `Prochain essai à ${t}.`,
  statusLabel: "Synchronisation",
};

const TEXTS: Record<Locale, Texts> = { nl, en, fr };

export function useOfflineTexts(): Texts {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  return TEXTS[lng === "en" || lng === "fr" ? lng : "nl"];
}
