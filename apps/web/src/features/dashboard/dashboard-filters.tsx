// Period, team and neighbourhood of the dashboard; applied together so the figures load once.
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import type { FigureFilters } from "../reports/reports-api.ts";

interface Option {
  value: string;
  label: string;
}

interface Props {
  value: FigureFilters;
  teams: Option[];
  neighbourhoods: Option[];
  allTeamsLabel: string;
  onChange: (next: FigureFilters) => void;
}

export function DashboardFilters({ value, teams, neighbourhoods, allTeamsLabel, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <form
      className="filters-bar"
      aria-label={t("figures.title")}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "") || undefined;
        onChange({
          from: text("from"),
          to: text("to"),
          teamId: text("teamId"),
          neighbourhoodId: text("neighbourhoodId"),
        });
      }}
      key={JSON.stringify(value)}
    >
      <TextField label={t("figures.from")} type="date" name="from" defaultValue={value.from} required />
      <TextField label={t("figures.to")} type="date" name="to" defaultValue={value.to} required />
      <SelectField
        label={t("figures.team")}
        name="teamId"
        defaultValue={value.teamId ?? ""}
        options={teams}
        placeholder={allTeamsLabel}
      />
      <SelectField
        label={t("figures.neighbourhood")}
        name="neighbourhoodId"
        defaultValue={value.neighbourhoodId ?? ""}
        options={neighbourhoods}
        placeholder={t("figures.allNeighbourhoods")}
      />
      <Button type="submit" variant="primary">
        {t("figures.apply")}
      </Button>
    </form>
  );
}
