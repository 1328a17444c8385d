// Queries and mutations of the task screens and the home-screen reminders.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TaskView } from "@vindplaats/contracts";
import { api } from "../../api/client.ts";
import { loadOffline, readWithFallback } from "../../offline/state.ts";

export type TaskState = "open" | "overdue" | "today" | "done" | "all";

export const tasksDueQuery = () =>
  queryOptions({
    queryKey: ["tasks", "due"],
    // Without network: the open tasks on the phone, minus those marked done there.
    queryFn: () =>
      readWithFallback(
        () => api.get<{ today: string; overdue: TaskView[]; dueToday: TaskView[] }>("/api/v1/tasks/due"),
        (store) => store.tasksDue(),
      ),
    networkMode: "always",
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
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tasks"] }),
    networkMode: "always",
  });
}

/** "Done" goes through the phone's outbox, so it works offline; without the offline layer, to the API. */
export async function markTaskDone(id: string): Promise<void> {
  const offline = await loadOffline();
  if (await offline.runningEngine()) await (await import("../../offline/outbox-writes.ts")).queueTaskDone(id);
  else await api.post(`/api/v1/tasks/${id}/done`);
}

export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
