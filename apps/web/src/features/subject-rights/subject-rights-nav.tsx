// The menu entry of the DPO's subject-rights screen, under data protection. Part of the first-load
// bundle: only the link and its label.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.ts";
import { canHandleSubjectRights } from "./subject-rights-api.ts";

export function SubjectRightsNav() {
  const { t } = useTranslation();
  const session = useSession();
  if (!canHandleSubjectRights(session)) return null;
  return (
    <ul className="nav-list" aria-label={t("subjectRightsNav")}>
      <li>
        <Link to="/privacy/subject-rights" className="nav-link" activeProps={{ "aria-current": "page" as const }}>
          {t("subjectRightsNav")}
        </Link>
      </li>
    </ul>
  );
}
