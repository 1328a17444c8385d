// Texts of the professional-secrecy screens (sharing, emergency access, review, audit), added to
// i18next when a secrecy screen's chunk loads, so a phone's first download stays as small as before.
// Importing this module registers them; the texts themselves are in secrecy-nl/en/fr.ts.
import { i18n } from "./index.ts";
import { secrecyEn } from "./secrecy-en.ts";
import { secrecyFr } from "./secrecy-fr.ts";
import { secrecyNl } from "./secrecy-nl.ts";

// Deep-merged into the translation namespace once, when the first secrecy screen loads.
i18n.addResourceBundle("nl", "translation", secrecyNl, true, false);
i18n.addResourceBundle("en", "translation", secrecyEn, true, false);
i18n.addResourceBundle("fr", "translation", secrecyFr, true, false);
