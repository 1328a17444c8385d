// Texts of the data-protection screens (retention periods, the register of processing), spread into
// nl.ts, en.ts and fr.ts. Dutch first; English and French must have the same keys (Same<> below).
// The register's own contents come from the API in the reader's language.

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const protectionNl = {
  protection: {
    nav: { heading: "Gegevensbescherming", retention: "Bewaartermijnen", register: "Verwerkingsregister" },
    retention: {
      title: "Bewaartermijnen",
      intro:
        "Hoe lang Vindplaats gegevens bewaart, per soort gegevens. Elke nacht voert een taak de ingeschakelde termijnen uit. Geanonimiseerde personen en contacten blijven meetellen in de cijfers.",
      readOnly: "Alleen een beheerder kan de termijnen wijzigen.",
      category: "Gegevens",
      action: "Wat gebeurt er",
      months: "Bewaren (maanden)",
      monthsFor: "Bewaartermijn in maanden voor {{name}}",
      enabled: "Aan",
      enabledFor: "{{name}} uitvoeren",
      defaultHint: "Voorgesteld: {{n}} maanden",
      off: "Uit",
      save: "Termijnen opslaan",
      saved: "De bewaartermijnen zijn opgeslagen.",
      dryRun: "Wat de taak nu zou doen",
      dryRunIntro: "Een proefdraai: er wordt niets gewijzigd. Uitgeschakelde soorten worden niet uitgevoerd.",
      due: "Aantal",
      olderThan: "Ouder dan {{date}}",
      notApplied: "{{n}} (uit)",
      lastRuns: "Laatste uitvoeringen",
      noRuns: "De taak heeft nog niet gedraaid.",
      started: "Gestart",
      trigger: { schedule: "Gepland", cli: "Beheerder (opdrachtregel)" },
      changed: "Gewijzigd",
      nothing: "niets",
      actions: { anonymise: "Anonimiseren", clear_text: "Tekst wissen", delete: "Wissen" },
      categories: {
        inactive_persons: {
          name: "Personen zonder contact",
          description:
            "Geen contact, open dossier of lopend traject binnen de termijn: naam, contactgegevens, notities en vrije tekst verdwijnen; leeftijdsgroep, nationaliteit en contacten blijven voor de cijfers.",
        },
        person_notes: {
          name: "Notities over personen",
          description: "Beschermde notities, gerekend vanaf het schrijven.",
        },
        contact_notes: {
          name: "Notities bij contacten",
          description: "De notitie verdwijnt; het contact zelf blijft meetellen.",
        },
        closed_cases: {
          name: "Afgesloten dossiers",
          description: "Adres, gegevens van melders en vrije tekst, gerekend vanaf het afsluiten.",
        },
        closed_trajectories: {
          name: "Afgesloten trajecten",
          description: "Titel en vrije tekst van doelen, stappen en overleg, gerekend vanaf het afsluiten.",
        },
        sessions: { name: "Aanmeldsessies", description: "Beëindigde sessies, gerekend vanaf hun einde." },
        sync_records: {
          name: "Offline ontvangstbewijzen",
          description: "Bewijzen van offline werk en afgehandelde weigeringen, gerekend vanaf ontvangst.",
        },
      },
    },
    register: {
      title: "Register van verwerkingsactiviteiten",
      intro:
        "Opgemaakt uit de beschrijving van elke kolom in de database (artikel 30 AVG). Een nieuwe kolom zonder beschrijving laat de tests falen.",
      generated: "Opgemaakt op {{at}}",
      download: "Download als Markdown",
      controller: "Verwerkingsverantwoordelijke",
      dpo: "Functionaris voor gegevensbescherming",
      noDpo: "Geen account met de rol DPO.",
      legalBases: "Rechtsgrond",
      subjects: "Betrokkenen",
      data: "Persoonsgegevens",
      recipients: "Ontvangers",
      retention: "Bewaartermijnen",
      columns: "Kolommen ({{n}})",
      transfers: "Doorgifte buiten de EU",
      security: "Beveiligingsmaatregelen",
      counts: "{{personal}} kolommen met persoonsgegevens, {{notPersonal}} zonder.",
    },
  },
};

export const protectionEn: Same<typeof protectionNl> = {
  protection: {
    nav: { heading: "Data protection", retention: "Retention", register: "Register of processing" },
    retention: {
      title: "Retention periods",
      intro:
        "How long Vindplaats keeps data, per kind of data. Every night a job carries out the periods that are switched on. Anonymised people and contacts still count in the figures.",
      readOnly: "Only an administrator can change the periods.",
      category: "Data",
      action: "What happens",
      months: "Keep (months)",
      monthsFor: "Retention period in months for {{name}}",
      enabled: "On",
      enabledFor: "Carry out {{name}}",
      defaultHint: "Proposed: {{n}} months",
      off: "Off",
      save: "Save periods",
      saved: "The retention periods were saved.",
      dryRun: "What the job would do now",
      dryRunIntro: "A dry run: nothing is changed. Kinds that are switched off are not carried out.",
      due: "Count",
      olderThan: "Older than {{date}}",
      notApplied: "{{n}} (off)",
      lastRuns: "Last runs",
      noRuns: "The job has not run yet.",
      started: "Started",
      trigger: { schedule: "Scheduled", cli: "Administrator (command line)" },
      changed: "Changed",
      nothing: "nothing",
      actions: { anonymise: "Anonymise", clear_text: "Clear text", delete: "Delete" },
      categories: {
        inactive_persons: {
          name: "People without contact",
          description:
            "No contact, open case or running trajectory within the period: name, contact details, notes and free text go; age band, nationality and contacts stay for the figures.",
        },
        person_notes: {
          name: "Notes about people",
          description: "Protected notes, counted from when they were written.",
        },
        contact_notes: { name: "Contact notes", description: "The note goes; the contact itself still counts." },
        closed_cases: {
          name: "Closed cases",
          description: "Address, complainants' details and free text, counted from closing.",
        },
        closed_trajectories: {
          name: "Closed trajectories",
          description: "Title and free text of goals, steps and conferences, counted from closing.",
        },
        sessions: { name: "Sign-in sessions", description: "Ended sessions, counted from their end." },
        sync_records: {
          name: "Offline receipts",
          description: "Receipts of offline work and resolved refusals, counted from receipt.",
        },
      },
    },
    register: {
      title: "Register of processing activities",
      intro:
        "Generated from the description of every column in the database (article 30 GDPR). A new column without a description makes the tests fail.",
      generated: "Generated on {{at}}",
      download: "Download as Markdown",
      controller: "Controller",
      dpo: "Data protection officer",
      noDpo: "No account with the DPO role.",
      legalBases: "Legal basis",
      subjects: "Data subjects",
      data: "Personal data",
      recipients: "Recipients",
      retention: "Retention",
      columns: "Columns ({{n}})",
      transfers: "Transfers outside the EU",
      security: "Security measures",
      counts: "{{personal}} columns with personal data, {{notPersonal}} without.",
    },
  },
};

export const protectionFr: Same<typeof protectionNl> = {
  protection: {
    nav: { heading: "Protection des données", retention: "Conservation", register: "Registre des traitements" },
    retention: {
      title: "Durées de conservation",
      intro:
        "Combien de temps Vindplaats conserve les données, par type de données. Chaque nuit, une tâche applique les durées activées. Les personnes et contacts anonymisés restent comptés dans les chiffres.",
      readOnly: "Seul un administrateur peut modifier les durées.",
      category: "Données",
      action: "Ce qui se passe",
      months: "Conserver (mois)",
      monthsFor: "Durée de conservation en mois pour {{name}}",
      enabled: "Activé",
      enabledFor: "Appliquer {{name}}",
      defaultHint: "Proposé : {{n}} mois",
      off: "Désactivé",
      save: "Enregistrer les durées",
      saved: "Les durées de conservation ont été enregistrées.",
      dryRun: "Ce que la tâche ferait maintenant",
      dryRunIntro: "Un essai à blanc : rien n'est modifié. Les types désactivés ne sont pas appliqués.",
      due: "Nombre",
      olderThan: "Plus ancien que le {{date}}",
      notApplied: "{{n}} (désactivé)",
      lastRuns: "Dernières exécutions",
      noRuns: "La tâche n'a pas encore tourné.",
      started: "Démarrée",
      trigger: { schedule: "Planifiée", cli: "Administrateur (ligne de commande)" },
      changed: "Modifié",
      nothing: "rien",
      actions: { anonymise: "Anonymiser", clear_text: "Effacer le texte", delete: "Supprimer" },
      categories: {
        inactive_persons: {
          name: "Personnes sans contact",
          description:
            "Aucun contact, dossier ouvert ou trajet en cours dans la période : nom, coordonnées, notes et texte libre disparaissent ; tranche d'âge, nationalité et contacts restent pour les chiffres.",
        },
        person_notes: {
          name: "Notes sur les personnes",
          description: "Notes protégées, comptées depuis leur rédaction.",
        },
        contact_notes: {
          name: "Notes des contacts",
          description: "La note disparaît ; le contact lui-même reste compté.",
        },
        closed_cases: {
          name: "Dossiers clôturés",
          description: "Adresse, données des plaignants et texte libre, comptés depuis la clôture.",
        },
        closed_trajectories: {
          name: "Trajets clôturés",
          description: "Titre et texte libre des objectifs, étapes et concertations, comptés depuis la clôture.",
        },
        sessions: { name: "Sessions de connexion", description: "Sessions terminées, comptées depuis leur fin." },
        sync_records: {
          name: "Accusés hors ligne",
          description: "Accusés du travail hors ligne et refus traités, comptés depuis la réception.",
        },
      },
    },
    register: {
      title: "Registre des activités de traitement",
      intro:
        "Généré à partir de la description de chaque colonne de la base de données (article 30 RGPD). Une nouvelle colonne sans description fait échouer les tests.",
      generated: "Généré le {{at}}",
      download: "Télécharger en Markdown",
      controller: "Responsable du traitement",
      dpo: "Délégué à la protection des données",
      noDpo: "Aucun compte avec le rôle DPD.",
      legalBases: "Base juridique",
      subjects: "Personnes concernées",
      data: "Données à caractère personnel",
      recipients: "Destinataires",
      retention: "Conservation",
      columns: "Colonnes ({{n}})",
      transfers: "Transferts hors UE",
      security: "Mesures de sécurité",
      counts: "{{personal}} colonnes avec des données personnelles, {{notPersonal}} sans.",
    },
  },
};
