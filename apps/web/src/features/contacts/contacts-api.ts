// Contacts over the API: the filtered list (cursor pages), one contact with its history, corrections
// and removal (both with a reason), saved filters and the export download.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  ContactFilters,
  ContactView,
  CorrectContactBody,
  contactRevisionView,
  savedFilterView,
} from "@vindplaats/contracts";
import type { z } from "zod";
import { ApiError, api } from "../../api/client.ts";
import { parseProblem } from "../../api/problem.ts";
import { readWithFallback } from "../../offline/state.ts";

export type { ContactFilters, ContactView };
export type ContactRevision = z.infer<typeof contactRevisionView>;
export type SavedFilter = z.infer<typeof savedFilterView>;
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function filterParams(filters: ContactFilters, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) search.set(k, String(v));
  return search.toString();
}

export const contactListQuery = (filters: ContactFilters) =>
  infiniteQueryOptions({
    queryKey: ["contacts", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ContactView>>(
        `/api/v1/contacts?${filterParams(filters, { cursor: pageParam ?? undefined, limit: "25" })}`,
        {
          signal,
        },
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export const contactQuery = (id: string) =>
  queryOptions({ queryKey: ["contacts", "one", id], queryFn: () => api.get<ContactView>(`/api/v1/contacts/${id}`) });

export const revisionsQuery = (id: string) =>
  queryOptions({
    queryKey: ["contacts", "one", id, "revisions"],
    queryFn: () => api.get<ContactRevision[]>(`/api/v1/contacts/${id}/revisions`),
  });

export const lastContactQuery = (teamId: string) =>
  queryOptions({
    queryKey: ["contacts", "last", teamId],
    // Without network: the last one on the phone, sent or still waiting.
    queryFn: () =>
      readWithFallback(
        () => api.get<ContactView | null>(`/api/v1/contacts/last?teamId=${teamId}`),
        (store) => store.lastContact(teamId),
      ),
    networkMode: "always",
    staleTime: 0,
  });

export const correctContact = (id: string, body: CorrectContactBody) =>
  api.patch<ContactView>(`/api/v1/contacts/${id}`, body);
export const removeContact = (id: string, reason: string) =>
  api.post<ContactView>(`/api/v1/contacts/${id}/remove`, { reason });

export const savedFiltersQuery = queryOptions({
  queryKey: ["saved-filters"],
  queryFn: () => api.get<SavedFilter[]>("/api/v1/saved-filters"),
});
export const saveFilter = (name: string, filters: ContactFilters) =>
  api.post<SavedFilter>("/api/v1/saved-filters", { name, filters });
export const deleteSavedFilter = (id: string) => api.delete<{ ok: true }>(`/api/v1/saved-filters/${id}`);

/**
 * Downloads the filtered export. Fetched rather than linked, so a refusal shows as a message in the
 * page instead of a downloaded error document.
 */
export async function downloadExport(filters: ContactFilters, format: "csv" | "xlsx", includeNotes: boolean) {
  const query = filterParams(filters, { format, includeNotes: includeNotes ? "true" : undefined });
  let response: Response;
  try {
    response = await fetch(`/api/v1/contacts/export?${query}`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network");
  }
  if (!response.ok) throw parseProblem(response.status, await response.json().catch(() => null));
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `contacten.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
