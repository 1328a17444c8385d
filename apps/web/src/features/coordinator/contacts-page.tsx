// The team's contacts, filtered (period, team, worker, place, neighbourhood, person, life domain,
// action), a page at a time, with saved filters and an export of exactly what is filtered.
import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Card, Empty, ErrorState, Loading, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { type ContactFilters, contactListQuery } from "../contacts/contacts-api.ts";
import { ContactFilterFields } from "./contact-filters.tsx";
import { ContactRow } from "./contact-row.tsx";
import { ExportPanel } from "./export-panel.tsx";
import { type FilterKey, parseFilters } from "./filters.ts";
import { SavedFilters } from "./saved-filters.tsx";
import "../contacts/forms.css";
import "../persons/persons.css";
import "./coordinator.css";

export function ContactsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const filters = parseFilters(useSearch({ strict: false }) as Record<string, unknown>);
  const { data: places } = useSuspenseQuery(placesQuery(true));
  const list = useInfiniteQuery(contactListQuery(filters));
  const isCoordinator = session.memberships.some((m) => m.role === "coordinator");
  const apply = (next: ContactFilters) => void navigate({ to: "/contacts", search: next, replace: true });
  const change = (key: FilterKey, value: string | undefined) => {
    const next: Record<string, string | undefined> = { ...filters, [key]: value };
    if (key === "teamId") next.workerId = undefined;
    apply(parseFilters(next));
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const active = Object.keys(filters).length;
  // Filters fill a phone's screen: open on wide screens, one tap away on a phone.
  const [wide] = useState(() => window.matchMedia("(min-width: 56rem)").matches);

  return (
    <div className="stack">
      <PageHeader
        title={t("contacts.list.title")}
        intro={t("contacts.list.intro")}
        actions={
          <Link className="btn btn-primary" to="/contacts/new">
            {t("register.title")}
          </Link>
        }
      />
      <Card aria-labelledby="filters-title">
        <details className="filters" open={wide}>
          <summary>
            <h2 id="filters-title">
              {t("contacts.filters.title")}
              {active ? (
                <span className="badge badge-primary">{t("contacts.filters.active", { count: active })}</span>
              ) : null}
            </h2>
          </summary>
          <ContactFilterFields filters={filters} places={places} onChange={change} />
          {active ? (
            <p>
              <Button size="sm" variant="ghost" onClick={() => apply({})}>
                {t("contacts.filters.reset")}
              </Button>
            </p>
          ) : null}
          <SavedFilters filters={filters} onApply={apply} />
        </details>
        {isCoordinator ? <ExportPanel filters={filters} /> : null}
      </Card>
      <section aria-labelledby="results-title" className="stack-sm">
        <h2 id="results-title">
          {t("contacts.list.results")}
          <span className="visually-hidden" aria-live="polite">
            {list.isSuccess ? ` ${t("contacts.list.shown", { count: items.length })}` : ""}
          </span>
        </h2>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && !items.length ? <Empty>{t("contacts.list.empty")}</Empty> : null}
        <ul className="list-rows" aria-label={t("contacts.list.results")}>
          {items.map((c) => (
            <li key={c.id}>
              <ContactRow contact={c} places={places} />
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("contacts.list.more")}
          </Button>
        ) : null}
      </section>
    </div>
  );
}
