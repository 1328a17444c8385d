// The filters of the contact list. Every change applies at once (the list follows the address bar),
// so there is no "apply" button to forget.
import { useQueries } from "@tanstack/react-query";
import { CONTACT_ACTIONS } from "@vindplaats/domain";
import { useTranslation } from "react-i18next";
import { membersQuery, type Place } from "../../api/org.ts";
import { SelectField, TextField } from "../../ui/field.tsx";
import { useSession } from "../auth/session.ts";
import type { ContactFilters } from "../contacts/contacts-api.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import type { FilterKey } from "./filters.ts";
import { PersonFilter } from "./person-filter.tsx";

export interface ContactFiltersProps {
  filters: ContactFilters;
  places: Place[];
  onChange: (key: FilterKey, value: string | undefined) => void;
}

export function ContactFilterFields({ filters, places, onChange }: ContactFiltersProps) {
  const { t } = useTranslation();
  const session = useSession();
  const values = useValueLabels();
  const teams = filters.teamId ? session.memberships.filter((m) => m.teamId === filters.teamId) : session.memberships;
  const members = useQueries({ queries: teams.map((m) => membersQuery(m.teamId)) });
  const workers = [...new Map(members.flatMap((q) => q.data ?? []).map((m) => [m.userId, m.displayName])).entries()];
  const hoods = [...new Map(places.map((p) => [p.neighbourhoodId, p.neighbourhoodName])).entries()];
  const all = t("contacts.filters.all");
  const select = (key: FilterKey) => ({
    value: filters[key] ?? "",
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange(key, e.target.value || undefined),
    placeholder: all,
  });
  return (
    <div className="filter-grid">
      <TextField
        label={t("contacts.filters.from")}
        type="date"
        value={filters.from ?? ""}
        max={filters.to}
        onChange={(e) => onChange("from", e.target.value || undefined)}
      />
      <TextField
        label={t("contacts.filters.to")}
        type="date"
        value={filters.to ?? ""}
        min={filters.from}
        onChange={(e) => onChange("to", e.target.value || undefined)}
      />
      {session.memberships.length > 1 ? (
        <SelectField
          label={t("contacts.fields.team")}
          {...select("teamId")}
          options={session.memberships.map((m) => ({ value: m.teamId, label: m.teamName }))}
        />
      ) : null}
      <SelectField
        label={t("contacts.filters.worker")}
        {...select("workerId")}
        options={workers.map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        label={t("contacts.fields.place")}
        {...select("placeId")}
        options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.neighbourhoodName})` }))}
      />
      <SelectField
        label={t("contacts.filters.neighbourhood")}
        {...select("neighbourhoodId")}
        options={hoods.map(([value, label]) => ({ value, label }))}
      />
      <PersonFilter personId={filters.personId} teamId={filters.teamId} onChange={(id) => onChange("personId", id)} />
      <SelectField
        label={t("contacts.filters.lifeDomain")}
        {...select("lifeDomain")}
        options={values.options("life_domain")}
      />
      <SelectField
        label={t("contacts.filters.action")}
        {...select("action")}
        options={CONTACT_ACTIONS.map((a) => ({ value: a, label: t(`quickScan.actions.${a}`) }))}
      />
    </div>
  );
}
