// The reminders on the home screen: the worker's own tasks that are overdue or due today.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Card, Empty } from "../../ui/misc.tsx";
import { TaskRows } from "./task-rows.tsx";
import { tasksDueQuery } from "./tasks-api.ts";

export function TasksDue() {
  const { t } = useTranslation();
  const { data } = useQuery(tasksDueQuery());
  const tasks = data ? [...data.overdue, ...data.dueToday] : [];
  return (
    <Card aria-labelledby="tasks-due-title">
      <div className="card-head">
        <h2 id="tasks-due-title">{t("tasks.reminders")}</h2>
        <Link to="/tasks" className="card-sub">
          {t("tasks.allTasks")}
        </Link>
      </div>
      {!data ? null : tasks.length === 0 ? <Empty>{t("tasks.remindersEmpty")}</Empty> : <TaskRows tasks={tasks} />}
    </Card>
  );
}
