// The menu entries of professional secrecy, shown to whom can use them (the API decides anyway).
// Part of the first-load bundle: no screen code or screen texts here, only links.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.ts";
import { canReadAudit, canReadShared, canReviewBreakGlass } from "./secrecy-access.ts";

export function SecrecyNavItems() {
  const { t } = useTranslation();
  const session = useSession();
  const linkProps = { className: "nav-link", activeProps: { "aria-current": "page" as const } };
  return (
    <>
      {canReadShared(session) ? (
        <li>
          <Link to="/shared-with-me" {...linkProps}>
            {t("nav.sharedWithMe")}
          </Link>
        </li>
      ) : null}
      {canReviewBreakGlass(session) ? (
        <li>
          <Link to="/break-glass" {...linkProps}>
            {t("nav.breakGlass")}
          </Link>
        </li>
      ) : null}
      {canReadAudit(session) ? (
        <li>
          <Link to="/audit" {...linkProps}>
            {t("nav.audit")}
          </Link>
        </li>
      ) : null}
    </>
  );
}
