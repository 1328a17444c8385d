// Queries and mutations of the address-case screens. Every write refreshes the "cases" family, and
// tasks too (a case page lists its tasks).
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CasePage, CaseView } from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

export type CaseFilter = "current" | "closed" | "all";

export const casesQuery = (teamId: string, filter: CaseFilter) =>
  queryOptions({
    queryKey: ["cases", "list", teamId, filter],
    queryFn: () =>
      api.get<{ items: CaseView[]; nextCursor: string | null }>(
        `/api/v1/cases?teamId=${teamId}&limit=200${filter === "all" ? "" : `&status=${filter}`}`,
      ),
  });

export const casePageQuery = (id: string) =>
  queryOptions({ queryKey: ["cases", "page", id], queryFn: () => api.get<CasePage>(`/api/v1/cases/${id}`) });

/** A mutation that refreshes cases (and tasks) when it succeeds. */
export function useCaseSaving<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["cases"] }),
        queryClient.invalidateQueries({ queryKey: ["tasks"] }),
      ]);
    },
  });
}

/** A calendar day (YYYY-MM-DD) in the interface language, without time-zone surprises. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** Today in Brussels, as the API counts days. */
export function todayInBrussels(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
}

/** Form values as trimmed strings; empty fields become undefined so the API applies its defaults. */
export function formText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? "").trim();
  return value === "" ? undefined : value;
}
