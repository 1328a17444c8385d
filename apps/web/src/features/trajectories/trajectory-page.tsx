// One trajectory: goals per life domain, steps, case conferences with the partners present, and for
// Housing First the checkpoints at 6, 12 and 24 months.

import { useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import type { TrajectoryPage as Page } from "@vindplaats/contracts";
import { HOUSING_OUTCOMES } from "@vindplaats/domain";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Badge, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { formatDay } from "../cases/cases-api.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { trajectoryPageQuery, useTrajectorySaving } from "./trajectories-api.ts";
import "../cases/cases.css";

export function TrajectoryPage() {
  const { trajectoryId } = useParams({ strict: false }) as { trajectoryId: string };
  const { t, i18n } = useTranslation();
  const values = useValueLabels();
  const { data: page } = useSuspenseQuery(trajectoryPageQuery(trajectoryId));
  const tr = page.trajectory;
  const isOpen = tr.status !== "closed";
  const status = useTrajectorySaving((to: string) => api.post(`/api/v1/trajectories/${tr.id}/status`, { status: to }));
  const stepDone = useTrajectorySaving((id: string) => api.post(`/api/v1/trajectory-steps/${id}/done`, {}));
  const goalReached = useTrajectorySaving((id: string) =>
    api.patch(`/api/v1/trajectory-goals/${id}`, { status: "reached" }),
  );
  const post = (path: string) => (body: unknown) => api.post(`/api/v1/trajectories/${tr.id}/${path}`, body);
  return (
    <div className="stack case-page">
      <PageHeader
        title={tr.title}
        intro={
          <span className="case-badges">
            <Badge tone={isOpen ? "primary" : "muted"}>{t(`trajectories.status.${tr.status}`)}</Badge>
            <Badge>{t(`trajectories.kind.${tr.kind}`)}</Badge>
            {tr.housedOn ? (
              <Badge>{`${t("trajectories.housedOn")} ${formatDay(tr.housedOn, i18n.language)}`}</Badge>
            ) : null}
          </span>
        }
        actions={
          isOpen ? (
            <>
              <Button size="sm" onClick={() => status.mutate(tr.status === "paused" ? "active" : "paused")}>
                {tr.status === "paused" ? t("trajectories.resume") : t("trajectories.pause")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => status.mutate("closed")}>
                {t("trajectories.close")}
              </Button>
            </>
          ) : null
        }
      />
      {tr.kind === "housing_first" && tr.housedOn ? <Checkpoints page={page} /> : null}
      <Section title={t("trajectories.goals")} empty={!page.goals.length}>
        {page.goals.map((g) => (
          <li key={g.id}>
            <span>
              <strong>{values.label("life_domain", g.lifeDomain)}</strong>
              <span className="cell-sub">{g.description}</span>
            </span>
            {g.status === "open" && isOpen ? (
              <Button size="sm" onClick={() => goalReached.mutate(g.id)}>
                {t("trajectories.markReached")}
              </Button>
            ) : (
              <Badge tone="muted">{t(`trajectories.goalStatus.${g.status}`)}</Badge>
            )}
          </li>
        ))}
      </Section>
      {isOpen ? (
        <ItemForm
          label={t("trajectories.addGoal")}
          send={post("goals")}
          read={(f) => ({ lifeDomain: f.get("lifeDomain"), description: f.get("description") })}
        >
          {(e) => (
            <>
              <SelectField
                label={t("trajectories.lifeDomain")}
                name="lifeDomain"
                options={values.options("life_domain")}
                error={e.lifeDomain}
              />
              <TextField
                label={t("trajectories.description")}
                name="description"
                maxLength={500}
                error={e.description}
              />
            </>
          )}
        </ItemForm>
      ) : null}
      <Section title={t("trajectories.steps")} empty={!page.steps.length}>
        {page.steps.map((s) => (
          <li key={s.id}>
            <span>
              {s.description}
              {s.dueOn ? <span className="cell-sub">{formatDay(s.dueOn, i18n.language)}</span> : null}
            </span>
            {s.doneOn ? (
              <Badge tone="muted">{t("trajectories.doneOn", { date: formatDay(s.doneOn, i18n.language) })}</Badge>
            ) : isOpen ? (
              <Button size="sm" onClick={() => stepDone.mutate(s.id)}>
                {t("trajectories.markDone")}
              </Button>
            ) : null}
          </li>
        ))}
      </Section>
      {isOpen ? (
        <ItemForm
          label={t("trajectories.addStep")}
          send={post("steps")}
          read={(f) => ({ description: f.get("description"), dueOn: f.get("dueOn") || null })}
        >
          {(e) => (
            <>
              <TextField
                label={t("trajectories.description")}
                name="description"
                maxLength={500}
                error={e.description}
              />
              <TextField label={t("trajectories.dueOn")} name="dueOn" type="date" error={e.dueOn} />
            </>
          )}
        </ItemForm>
      ) : null}
      <Section title={t("trajectories.conferences")} empty={!page.conferences.length}>
        {page.conferences.map((c) => (
          <li key={c.id}>
            <span>
              <strong>{formatDay(c.heldOn, i18n.language)}</strong> ·{" "}
              {c.partnersPresent.map((p) => values.label("referral_service", p)).join(", ")}
              <span className="cell-sub">{c.note}</span>
            </span>
          </li>
        ))}
      </Section>
      {isOpen ? (
        <ItemForm
          label={t("trajectories.addConference")}
          send={post("conferences")}
          read={(f) => ({ heldOn: f.get("heldOn"), note: f.get("note"), partnersPresent: f.getAll("partnersPresent") })}
        >
          {(e) => (
            <>
              <TextField label={t("trajectories.heldOn")} name="heldOn" type="date" error={e.heldOn} />
              <fieldset className="field fieldset">
                <legend className="field-label">{t("trajectories.partnersPresent")}</legend>
                <div className="checks">
                  {values.options("referral_service").map((o) => (
                    <label key={o.value} className="check">
                      <input type="checkbox" name="partnersPresent" value={o.value} />
                      <span>{o.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <TextField label={t("trajectories.report")} name="note" maxLength={4000} error={e.note} />
            </>
          )}
        </ItemForm>
      ) : null}
      <Section title={t("trajectories.participants")} empty={!page.participants.length}>
        {page.participants.map((p) => (
          <li key={p.id}>
            <span>{p.nickname}</span>
          </li>
        ))}
      </Section>
      <Section title={t("trajectories.partners")} empty={!page.partners.length}>
        {page.partners.map((p) => (
          <li key={p.id}>
            <span>
              {values.label("referral_service", p.serviceCode)}
              {p.contactPerson ? <span className="cell-sub">{p.contactPerson}</span> : null}
            </span>
          </li>
        ))}
      </Section>
    </div>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card>
      <div className="card-head">
        <h2>{title}</h2>
      </div>
      {empty ? <Empty>{t("trajectories.none")}</Empty> : <ul className="case-rows">{children}</ul>}
    </Card>
  );
}

function ItemForm({
  label,
  send,
  read,
  children,
}: {
  label: string;
  send: (body: unknown) => Promise<unknown>;
  read: (f: FormData) => unknown;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const save = useTrajectorySaving(send);
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    try {
      await save.mutateAsync(read(new FormData(formEl)));
      save.reset();
      formEl.reset();
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  return (
    <details className="card">
      <summary>{label}</summary>
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        {children(errors)}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending}>
            {label}
          </Button>
        </div>
      </form>
    </details>
  );
}

function Checkpoints({ page }: { page: Page }) {
  const { t, i18n } = useTranslation();
  const record = useTrajectorySaving((body: { month: number; outcome: string }) =>
    api.post(`/api/v1/trajectories/${page.trajectory.id}/checkpoints`, body),
  );
  return (
    <Card aria-labelledby="checkpoints-title">
      <div className="card-head">
        <h2 id="checkpoints-title">{t("trajectories.checkpoints")}</h2>
      </div>
      <FormError error={record.error} />
      <ul className="case-rows">
        {page.checkpoints.map((c) => (
          <li key={c.month}>
            <span>
              <strong>{t("trajectories.month", { count: c.month })}</strong>
              <span className="cell-sub">{t("trajectories.dueFrom", { date: formatDay(c.dueOn, i18n.language) })}</span>
            </span>
            {c.outcome ? (
              <Badge tone={c.outcome === "still_housed" ? "primary" : "accent"}>
                {t(`trajectories.outcome.${c.outcome}`)}
              </Badge>
            ) : c.isDue ? (
              <CheckpointChoice month={c.month} onPick={(outcome) => record.mutate({ month: c.month, outcome })} />
            ) : (
              <Badge tone="muted">{t("trajectories.notDue")}</Badge>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CheckpointChoice({ month, onPick }: { month: number; onPick: (outcome: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="case-badges segmented">
      <legend className="visually-hidden">{t("trajectories.month", { count: month })}</legend>
      {HOUSING_OUTCOMES.map((o) => (
        <Button key={o} size="sm" onClick={() => onPick(o)}>
          {t(`trajectories.outcome.${o}`)}
        </Button>
      ))}
    </fieldset>
  );
}
