// A list of tasks with their due day (overdue ones marked) and a "done" button.

import { Link } from "@tanstack/react-router";
import type { TaskView } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { Badge } from "../../ui/misc.tsx";
import { formatDay, markTaskDone, useTaskSaving } from "./tasks-api.ts";
import "../cases/cases.css";

export function TaskRows({ tasks, showAssignee = false }: { tasks: TaskView[]; showAssignee?: boolean }) {
  const { t, i18n } = useTranslation();
  const done = useTaskSaving(markTaskDone);
  const reopen = useTaskSaving((id: string) => api.post(`/api/v1/tasks/${id}/reopen`));
  return (
    <ul className="case-rows">
      {tasks.map((task) => (
        <li key={task.id} className={task.isOverdue ? "task-row is-overdue" : "task-row"}>
          <span>
            <strong>{task.title}</strong>
            <span className="cell-sub">
              {task.isOverdue ? <Badge tone="accent">{t("tasks.overdue")}</Badge> : null}{" "}
              {t("tasks.due", { date: formatDay(task.dueOn, i18n.language) })}
              {showAssignee ? ` · ${task.assigneeName}` : ""}
              {task.caseId ? (
                <>
                  {" · "}
                  <Link to="/cases/$caseId" params={{ caseId: task.caseId }}>
                    {t("cases.nav")}
                  </Link>
                </>
              ) : null}
            </span>
          </span>
          {task.doneAt ? (
            <Button size="sm" variant="ghost" busy={reopen.isPending} onClick={() => reopen.mutate(task.id)}>
              {t("tasks.reopen")}
            </Button>
          ) : (
            <Button
              size="sm"
              busy={done.isPending}
              onClick={() => done.mutate(task.id)}
              aria-label={`${t("tasks.markDone")}: ${task.title}`}
            >
              {t("tasks.markDone")}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
