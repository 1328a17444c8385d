// The team's trajectories, the Housing First retention figure, and starting a new trajectory.

import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { CreateTrajectoryBody, TrajectoryView } from "@vindplaats/contracts";
import { TRAJECTORY_KINDS, type TrajectoryKind } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Badge, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { retentionQuery, trajectoriesQuery, useTrajectorySaving } from "./trajectories-api.ts";
import "../cases/cases.css";

export function TrajectoriesPage() {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  if (!team) return <Empty>{t("home.noRoleBody")}</Empty>;
  return (
    <div className="stack case-page">
      <PageHeader title={t("trajectories.title")} intro={t("trajectories.intro")} />
      <RetentionCard teamId={team.teamId} />
      <TrajectoryList teamId={team.teamId} />
      <NewTrajectory teamId={team.teamId} />
    </div>
  );
}

function RetentionCard({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(retentionQuery(teamId));
  const counted = data.stillHoused + data.notHoused + data.lostToFollowUp;
  return (
    <Card aria-labelledby="retention-title">
      <div className="card-head">
        <h2 id="retention-title">{t("trajectories.retention")}</h2>
      </div>
      <p>
        {data.rate === null
          ? t("trajectories.noRetention")
          : t("trajectories.retentionValue", { rate: Math.round(data.rate * 100), kept: data.stillHoused, counted })}
      </p>
    </Card>
  );
}

function TrajectoryList({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(trajectoriesQuery(teamId));
  if (!data.length) return <Empty>{t("trajectories.empty")}</Empty>;
  return (
    <ul className="case-list">
      {data.map((tr) => (
        <li key={tr.id}>
          <Link to="/trajectories/$trajectoryId" params={{ trajectoryId: tr.id }} className="case-item">
            <span className="case-address">{tr.title}</span>
            <span className="case-badges">
              <Badge tone={tr.status === "closed" ? "muted" : "primary"}>{t(`trajectories.status.${tr.status}`)}</Badge>
              <Badge>{t(`trajectories.kind.${tr.kind}`)}</Badge>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function NewTrajectory({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useTrajectorySaving((body: CreateTrajectoryBody) =>
    api.post<TrajectoryView>("/api/v1/trajectories", body),
  );
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const housedOn = String(form.get("housedOn") ?? "");
    try {
      const created = await save.mutateAsync({
        teamId,
        kind: String(form.get("kind")) as TrajectoryKind,
        title: String(form.get("title") ?? "").trim(),
        housedOn: housedOn || null,
        participantIds: [],
      });
      await navigate({ to: "/trajectories/$trajectoryId", params: { trajectoryId: created.id } });
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  return (
    <Card aria-labelledby="new-trajectory-title">
      <div className="card-head">
        <h2 id="new-trajectory-title">{t("trajectories.new")}</h2>
      </div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField label={t("trajectories.name")} name="title" maxLength={160} required error={errors.title} />
        <SelectField
          label={t("trajectories.kindLabel")}
          name="kind"
          options={TRAJECTORY_KINDS.map((k) => ({ value: k, label: t(`trajectories.kind.${k}`) }))}
          error={errors.kind}
        />
        <TextField label={t("trajectories.housedOn")} name="housedOn" type="date" error={errors.housedOn} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("trajectories.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
