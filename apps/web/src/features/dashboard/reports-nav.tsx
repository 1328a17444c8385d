// The menu entries of figures and stories, shown to whom can use them (the API decides anyway).
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.ts";
import { canMarkStories, canReadCatalogue, canSeeFigures } from "./access.ts";

export function ReportsNavItems() {
  const { t } = useTranslation();
  const session = useSession();
  const linkProps = { className: "nav-link", activeProps: { "aria-current": "page" as const } };
  return (
    <>
      {canSeeFigures(session) ? (
        <>
          <li>
            <Link to="/figures" {...linkProps}>
              {t("figures.nav")}
            </Link>
          </li>
          <li>
            <Link to="/reports" {...linkProps}>
              {t("reports.nav")}
            </Link>
          </li>
        </>
      ) : null}
      {canMarkStories(session) ? (
        <li>
          <Link to="/stories" {...linkProps}>
            {t("stories.nav")}
          </Link>
        </li>
      ) : null}
      {canReadCatalogue(session) ? (
        <li>
          <Link to="/metrics" {...linkProps}>
            {t("metrics.nav")}
          </Link>
        </li>
      ) : null}
    </>
  );
}
