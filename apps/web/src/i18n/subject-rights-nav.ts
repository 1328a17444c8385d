// The menu label of the DPO's subject-rights screen: in the first-load bundle, unlike the screen's
// own texts (subject-rights-texts.ts), which load with the screen.
export const subjectRightsNavNl = { subjectRightsNav: "Rechten van betrokkenen" };
export const subjectRightsNavEn: typeof subjectRightsNavNl = { subjectRightsNav: "Data subject rights" };
export const subjectRightsNavFr: typeof subjectRightsNavNl = { subjectRightsNav: "Droits des personnes concernées" };
