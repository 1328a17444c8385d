// Texts of the offline layer in the three languages: the sync status, the worker's recent contacts,
// signing out with work still waiting, and wipes. Kept beside the layer (in the first download).
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
  savedHereDetail: "Opgeslagen op deze telefoon. Het wordt verstuurd zodra er netwerk is.",
  recentTitle: "Mijn recente contacten",
  recentEmpty: "Nog geen contacten op deze telefoon.",
  stateWaiting: "opgeslagen op deze telefoon",
  stateRefused: "geweigerd, vraagt je aandacht",
  stateSynced: "gesynchroniseerd",
  anonymous: (n: number) => (n === 1 ? "1 persoon zonder naam" : `${n} personen zonder naam`),
  needsNetwork: "Dit deel heeft netwerk nodig.",
  wipedRevoked: "Dit toestel werd ingetrokken: de gegevens erop zijn gewist.",
  wipedStale: "Deze telefoon was te lang offline: de teamgegevens zijn gewist. Je eigen werk is bewaard.",
  signOutTitle: "Nog niet alles is verstuurd",
  signOutBody: (n: number) =>
    n === 1
      ? "1 registratie staat nog alleen op deze telefoon. Afmelden wist ze. Synchroniseer eerst als je kunt."
      : `${n} registraties staan nog alleen op deze telefoon. Afmelden wist ze. Synchroniseer eerst als je kunt.`,
  signOutAnyway: "Toch afmelden en wissen",
  stay: "Aangemeld blijven",
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
  savedHereDetail: "Saved on this phone. It will be sent as soon as there is a network.",
  recentTitle: "My recent contacts",
  recentEmpty: "No contacts on this phone yet.",
  stateWaiting: "saved on this phone",
  stateRefused: "refused, needs your attention",
  stateSynced: "synced",
  anonymous: (n) => (n === 1 ? "1 person without a name" : `${n} people without a name`),
  needsNetwork: "This part needs a network.",
  wipedRevoked: "This device was revoked: its data was wiped.",
  wipedStale: "This phone was offline for too long: the team's data was wiped. Your own work is kept.",
  signOutTitle: "Not everything has been sent",
  signOutBody: (n) =>
    n === 1
      ? "1 registration is only on this phone. Signing out wipes it. Sync first if you can."
      : `${n} registrations are only on this phone. Signing out wipes them. Sync first if you can.`,
  signOutAnyway: "Sign out and wipe anyway",
  stay: "Stay signed in",
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
  savedHereDetail: "Sauvegardé sur ce téléphone. Il sera envoyé dès qu'il y a du réseau.",
  recentTitle: "Mes contacts récents",
  recentEmpty: "Pas encore de contacts sur ce téléphone.",
  stateWaiting: "sauvegardé sur ce téléphone",
  stateRefused: "refusé, demande ton attention",
  stateSynced: "synchronisé",
  anonymous: (n) => (n === 1 ? "1 personne sans nom" : `${n} personnes sans nom`),
  needsNetwork: "Cette partie a besoin du réseau.",
  wipedRevoked: "Cet appareil a été révoqué : ses données ont été effacées.",
  wipedStale:
    "Ce téléphone est resté trop longtemps hors ligne : les données de l'équipe ont été effacées. Ton propre travail est conservé.",
  signOutTitle: "Tout n'a pas encore été envoyé",
  signOutBody: (n) =>
    n === 1
      ? "1 enregistrement n'existe que sur ce téléphone. Te déconnecter l'efface. Synchronise d'abord si tu peux."
      : `${n} enregistrements n'existent que sur ce téléphone. Te déconnecter les efface. Synchronise d'abord si tu peux.`,
  signOutAnyway: "Me déconnecter et effacer quand même",
  stay: "Rester connecté",
};

const TEXTS: Record<Locale, Texts> = { nl, en, fr };

export function useOfflineTexts(): Texts {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  return TEXTS[lng === "en" || lng === "fr" ? lng : "nl"];
}
