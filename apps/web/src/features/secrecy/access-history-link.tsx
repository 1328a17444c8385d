// On the person page, for the DPO only (audit.read): the way to the record's access history.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.ts";
import { canReadAudit } from "./secrecy-access.ts";
import "../../i18n/secrecy.ts";

export function AccessHistoryLink({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!canReadAudit(session)) return null;
  return (
    <p>
      <Link to="/audit/persons/$personId" params={{ personId }}>
        {t("secrecy.history.link")}
      </Link>
    </p>
  );
}
