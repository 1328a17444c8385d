import { type ErrorComponentProps, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../ui/misc.tsx";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>{t("app.notFoundTitle")}</h1>
        <p className="page-intro">{t("app.notFoundBody")}</p>
        <p style={{ marginTop: "1rem" }}>
          <Link to="/">{t("app.backHome")}</Link>
        </p>
      </div>
    </main>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorState error={error} onRetry={reset} />;
}
