// Queries and mutations of the task screens and the home-screen reminders.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TaskView } from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

export type TaskState = "open" | "overdue" | "today" | "done" | "all";

export const tasksDueQuery = () =>
  queryOptions({
    queryKey: ["tasks", "due"],
    queryFn: () => api.get<{ today: string; overdue: TaskView[]; dueToday: TaskView[] }>("/api/v1/tasks/due"),
  });

export const tasksQuery = (teamId: string, state: TaskState, assigneeId: string | null) =>
  queryOptions({
    queryKey: ["tasks", "list", teamId, state, assigneeId],
    queryFn: () =>
      api.get<TaskView[]>(
        `/api/v1/tasks?teamId=${teamId}&state=${state}${assigneeId ? `&assigneeId=${assigneeId}` : ""}`,
      ),
  });

export function useTaskSaving<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tasks"] }) });
}

export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
