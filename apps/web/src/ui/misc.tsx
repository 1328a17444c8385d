// Small presentational pieces: cards, badges, banners, page headers, loading and error states.
import type { HTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "./use-error-text.ts";

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={["card", className ?? ""].join(" ").trim()} {...rest} />;
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "primary" | "muted" | "accent";
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Banner({
  tone = "info",
  children,
  role,
}: {
  tone?: "info" | "success" | "danger" | "demo";
  children: ReactNode;
  role?: "status" | "alert" | "note";
}) {
  return (
    <div className={`banner banner-${tone}`} role={role}>
      {children}
    </div>
  );
}

export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Banner tone="danger" role="alert">
      <p>{text(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
          {t("app.retry")}
        </button>
      ) : null}
    </Banner>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
