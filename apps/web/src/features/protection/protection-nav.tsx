// The data-protection section of the menu, for the administrator and the DPO (the API decides anyway).
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.ts";
import { canReadProtection } from "./access.ts";

export function ProtectionNav() {
  const { t } = useTranslation();
  const session = useSession();
  if (!canReadProtection(session)) return null;
  const linkProps = { className: "nav-link", activeProps: { "aria-current": "page" as const } };
  return (
    <>
      <h2 className="nav-heading" id="nav-protection">
        {t("protection.nav.heading")}
      </h2>
      <ul className="nav-list" aria-labelledby="nav-protection">
        <li>
          <Link to="/privacy/retention" {...linkProps}>
            {t("protection.nav.retention")}
          </Link>
        </li>
        <li>
          <Link to="/privacy/register" {...linkProps}>
            {t("protection.nav.register")}
          </Link>
        </li>
      </ul>
    </>
  );
}
