// Tasks of the current team: the worker's own or the whole team's, overdue first, with a short form
// to add one (due today or later, for oneself or a team member).

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { CreateTaskBody, TaskView } from "@vindplaats/contracts";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { membersQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { TaskRows } from "./task-rows.tsx";
import { type TaskState, tasksQuery, useTaskSaving } from "./tasks-api.ts";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());

export function TasksPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { team } = useCurrentTeam();
  const [who, setWho] = useState<"mine" | "team">("mine");
  const [state, setState] = useState<TaskState>("open");
  if (!team) return <Empty>{t("home.noRoleBody")}</Empty>;
  return (
    <div className="stack case-page">
      <PageHeader title={t("tasks.title")} intro={t("tasks.intro")} />
      <NewTask teamId={team.teamId} />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("tasks.title")}</legend>
        {(["mine", "team"] as const).map((w) => (
          <button key={w} type="button" className="segment" aria-pressed={who === w} onClick={() => setWho(w)}>
            {t(`tasks.${w}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("cases.show")}</legend>
        {(["open", "overdue", "today", "done"] as const).map((s) => (
          <button key={s} type="button" className="segment" aria-pressed={state === s} onClick={() => setState(s)}>
            {t(`tasks.state.${s}`)}
          </button>
        ))}
      </fieldset>
      <TaskList teamId={team.teamId} state={state} assigneeId={who === "mine" ? session.user.id : null} />
    </div>
  );
}

function TaskList({ teamId, state, assigneeId }: { teamId: string; state: TaskState; assigneeId: string | null }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(tasksQuery(teamId, state, assigneeId));
  return (
    <Card>
      {data.length ? <TaskRows tasks={data} showAssignee={!assigneeId} /> : <Empty>{t("tasks.empty")}</Empty>}
    </Card>
  );
}

function NewTask({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery(teamId));
  const save = useTaskSaving((body: CreateTaskBody) => api.post<TaskView>("/api/v1/tasks", body));
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const assigneeId = String(form.get("assigneeId") ?? "");
    try {
      await save.mutateAsync({
        teamId,
        title: String(form.get("title") ?? "").trim(),
        dueOn: String(form.get("dueOn") ?? ""),
        ...(assigneeId ? { assigneeId } : {}),
      });
      save.reset();
      formEl.reset();
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  return (
    <Card aria-labelledby="new-task-title">
      <div className="card-head">
        <h2 id="new-task-title">{t("tasks.new")}</h2>
      </div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField label={t("tasks.what")} name="title" maxLength={200} required error={errors.title} />
        <TextField
          label={t("tasks.dueOn")}
          name="dueOn"
          type="date"
          min={today()}
          defaultValue={today()}
          error={errors.dueOn}
        />
        <SelectField
          label={t("tasks.assignee")}
          name="assigneeId"
          placeholder={t("tasks.me")}
          options={(members.data ?? [])
            .filter((m) => m.isActive)
            .map((m) => ({ value: m.userId, label: m.displayName }))}
          error={errors.assigneeId}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("tasks.add")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
