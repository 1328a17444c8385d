// Queries and mutations of the figures dashboard, the yearly report and stories. Downloads (a figure
// as CSV, a report's PDF/XLSX/CSV) are plain links: the browser sends the session cookie, the API
// suppresses and audits.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CatalogueView,
  CreateReportBody,
  CreateStoryBody,
  DrillView,
  FiguresView,
  ReportJobView,
  StoryView,
  TrendView,
} from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

export interface FigureFilters {
  from?: string | undefined;
  to?: string | undefined;
  teamId?: string | undefined;
  neighbourhoodId?: string | undefined;
}

/** Query string of the filters that are set, in a stable order. */
export function filterQuery(f: FigureFilters & Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const figuresQuery = (f: FigureFilters) =>
  queryOptions({
    queryKey: ["reports", "figures", f],
    queryFn: () => api.get<FiguresView>(`/api/v1/reports/figures${filterQuery({ ...f })}`),
    staleTime: 60_000,
  });

export const trendQuery = (metric: string, f: FigureFilters) =>
  queryOptions({
    queryKey: ["reports", "trend", metric, f.teamId, f.neighbourhoodId],
    queryFn: () =>
      api.get<TrendView>(
        `/api/v1/reports/trend${filterQuery({ metric, teamId: f.teamId, neighbourhoodId: f.neighbourhoodId })}`,
      ),
    staleTime: 60_000,
  });

export const drillQuery = (dimension: string, key: string, f: FigureFilters) =>
  queryOptions({
    queryKey: ["reports", "drill", dimension, key, f],
    queryFn: () => api.get<DrillView>(`/api/v1/reports/drill${filterQuery({ ...f, dimension, key })}`),
  });

export const catalogueQuery = () =>
  queryOptions({
    queryKey: ["reports", "catalogue"],
    queryFn: () => api.get<CatalogueView>("/api/v1/reports/catalogue"),
    staleTime: 10 * 60_000,
  });

export const figureCsvUrl = (metric: string, f: FigureFilters) =>
  `/api/v1/reports/figures/export${filterQuery({ ...f, metric, format: "csv" })}`;

/** The report list; polled every second while a report is being made. */
export const reportJobsQuery = () =>
  queryOptions({
    queryKey: ["reports", "jobs"],
    queryFn: () => api.get<ReportJobView[]>("/api/v1/reports/jobs"),
    refetchInterval: (query) =>
      query.state.data?.some((j) => j.status === "queued" || j.status === "running") ? 1000 : false,
  });

export const reportFileUrl = (id: string, format: string) => `/api/v1/reports/jobs/${id}/export?format=${format}`;

export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateReportBody> & { year: number }) =>
      api.post<ReportJobView>("/api/v1/reports/jobs", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["reports", "jobs"] }),
  });
}

export const storiesQuery = (teamId: string | undefined) =>
  queryOptions({
    queryKey: ["reports", "stories", teamId],
    queryFn: () => api.get<StoryView[]>(`/api/v1/reports/stories${filterQuery({ teamId })}`),
  });

export function useStorySaving() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["reports", "stories"] });
  return {
    create: useMutation({
      mutationFn: (body: CreateStoryBody) => api.post<StoryView>("/api/v1/reports/stories", body),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (v: { id: string; reason: string }) =>
        api.post<StoryView>(`/api/v1/reports/stories/${v.id}/withdraw`, { reason: v.reason }),
      onSuccess: refresh,
    }),
  };
}

export interface PersonHit {
  id: string;
  nickname: string;
  description: string | null;
}

export const personSearchQuery = (teamId: string, q: string) =>
  queryOptions({
    queryKey: ["reports", "person-search", teamId, q],
    queryFn: () => api.get<{ items: PersonHit[] }>(`/api/v1/persons${filterQuery({ teamId, q, limit: 8 })}`),
    enabled: q.trim().length >= 2,
  });
