// The DPO's audit view: who saw or did what, when, filtered by person, user, kind of action and
// period, newest first, paged by sequence number. Looking at it is itself audited by the API.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { addDays, brusselsToInstant } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { teamsQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { Card, Empty, ErrorState, Loading, PageHeader } from "../../ui/misc.tsx";
import { AuditRows } from "./audit-rows.tsx";
import type { AuditSearch } from "./audit-search.ts";
import { AUDIT_PAGE, type AuditEntry, auditActorsQuery, auditPath } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "../coordinator/coordinator.css";
import "./secrecy.css";

/** Action prefixes offered as kinds of action (the API filters on a prefix). */
const ACTION_CLASSES = {
  personRead: "person.read",
  contactRead: "contact.read",
  shares: "person.shar",
  breakGlass: "person.break_glass",
  breakGlassReviewed: "break_glass.",
  persons: "person.",
  contacts: "contact",
  cases: "case",
  trajectories: "trajectory.",
  auth: "auth.",
  audit: "audit.",
} as const;

export function AuditPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as AuditSearch;
  const navigate = useNavigate();
  const actors = useQuery(auditActorsQuery());
  const teams = useQuery(teamsQuery(true));
  const names = {
    teams: new Map((teams.data ?? []).map((team) => [team.id, team.name])),
    users: new Map((actors.data ?? []).map((u) => [u.id, u.displayName])),
  };
  const filters = {
    ...(search.personId ? { personId: search.personId } : {}),
    ...(search.actorUserId ? { actorUserId: search.actorUserId } : {}),
    ...(search.action ? { action: search.action } : {}),
    ...(search.from ? { from: brusselsToInstant(search.from).toISOString() } : {}),
    ...(search.to ? { to: brusselsToInstant(addDays(search.to, 1)).toISOString() } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: ["audit", "list", filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api.get<AuditEntry[]>(auditPath(filters, pageParam)),
    getNextPageParam: (last) => (last.length === AUDIT_PAGE ? (last.at(-1)?.seq ?? null) : null),
  });
  const rows = list.data?.pages.flat() ?? [];

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ["personId", "actorUserId", "action", "from", "to"] as const) {
      const value = String(form.get(key) ?? "").trim();
      if (value) next[key] = value;
    }
    void navigate({ to: "/audit", search: next });
  };

  return (
    <div className="stack">
      <PageHeader title={t("secrecy.audit.title")} intro={t("secrecy.audit.intro")} />
      <Card>
        {/* Keyed by the search, so the fields show the filters of a followed link. */}
        <form key={JSON.stringify(search)} className="form" onSubmit={apply}>
          <div className="filter-grid audit-filters">
            <TextField
              label={t("secrecy.audit.person")}
              hint={t("secrecy.audit.personHint")}
              name="personId"
              defaultValue={search.personId ?? ""}
              autoComplete="off"
              spellCheck={false}
            />
            <SelectField
              label={t("secrecy.audit.actor")}
              name="actorUserId"
              placeholder={t("secrecy.audit.anyone")}
              defaultValue={search.actorUserId ?? ""}
              options={(actors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
            <SelectField
              label={t("secrecy.audit.action")}
              name="action"
              placeholder={t("secrecy.audit.anyAction")}
              defaultValue={search.action ?? ""}
              options={Object.entries(ACTION_CLASSES).map(([key, value]) => ({
                value,
                label: t(`secrecy.audit.classes.${key}`),
              }))}
            />
            <TextField label={t("secrecy.audit.from")} name="from" type="date" defaultValue={search.from ?? ""} />
            <TextField label={t("secrecy.audit.to")} name="to" type="date" defaultValue={search.to ?? ""} />
          </div>
          <div className="form-actions">
            <Button onClick={() => void navigate({ to: "/audit", search: {} })}>{t("secrecy.audit.clear")}</Button>
            <Button type="submit" variant="primary">
              {t("secrecy.audit.apply")}
            </Button>
          </div>
        </form>
      </Card>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && !rows.length ? <Empty>{t("secrecy.audit.empty")}</Empty> : null}
      {rows.length ? (
        <AuditRows label={t("secrecy.audit.title")} rows={rows} names={names} filteredPersonId={search.personId} />
      ) : null}
      {list.hasNextPage ? (
        <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t("secrecy.audit.more")}
        </Button>
      ) : null}
    </div>
  );
}
