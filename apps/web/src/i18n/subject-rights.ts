// The DPO's subject-rights texts, added to i18next when the screen's chunk loads (like secrecy.ts),
// so a phone's first download stays as small as before. Importing this module registers them.
import { i18n } from "./index.ts";
import { subjectRightsEn, subjectRightsFr, subjectRightsNl } from "./subject-rights-texts.ts";

i18n.addResourceBundle("nl", "translation", subjectRightsNl, true, false);
i18n.addResourceBundle("en", "translation", subjectRightsEn, true, false);
i18n.addResourceBundle("fr", "translation", subjectRightsFr, true, false);
