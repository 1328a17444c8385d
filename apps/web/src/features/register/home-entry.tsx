// The worker's way in from the home screen: a big "register contact" button and the one-tap tally.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import "./home-entry.css";

export function RegisterEntry() {
  const { t } = useTranslation();
  return (
    <nav className="home-entry" aria-label={t("register.entryLabel")}>
      <Link to="/contacts/new" className="entry-main">
        <span className="entry-plus" aria-hidden="true">
          +
        </span>
        {t("register.title")}
      </Link>
      <div className="entry-row">
        <Link to="/tally" className="entry-alt">
          {t("tally.title")}
          <span className="entry-sub">{t("tally.entryHint")}</span>
        </Link>
        <Link to="/contacts/new" search={{ mode: "repeat" }} className="entry-alt">
          {t("register.repeat")}
          <span className="entry-sub">{t("register.repeatHint")}</span>
        </Link>
      </div>
    </nav>
  );
}
