// Persons ("gasten"), households and groups over the API. Searching and reading a person are
// accountable acts on the server, so queries run only when a screen really needs them.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  collectiveView,
  duplicateCandidate,
  IdentifyPersonBody,
  mergeView,
  PersonView,
  personListItem,
  personPage,
  UpdatePersonBody,
} from "@vindplaats/contracts";
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { readWithFallback } from "../../offline/state.ts";

export type PersonListItem = z.infer<typeof personListItem>;
export type PersonPage = z.infer<typeof personPage>;
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export type Collective = z.infer<typeof collectiveView>;
export type CollectiveKind = Collective["kind"];
export type MergeResult = z.infer<typeof mergeView>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const qs = (params: Record<string, string | number | null | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : "";
};

/**
 * Known persons of a team whose nickname contains the fragment (at least 3 letters asked by screens).
 * Without network: the team's persons on the phone, and those added on it that wait to be sent.
 */
export const personSearchQuery = (teamId: string | undefined, q: string, limit = 8) =>
  queryOptions({
    queryKey: ["persons", "search", { teamId, q, limit }],
    queryFn: ({ signal }) =>
      readWithFallback<Page<PersonListItem>>(
        () => api.get<Page<PersonListItem>>(`/api/v1/persons${qs({ teamId, q, limit })}`, { signal }),
        (store) => store.searchPersons(q, limit),
      ),
    networkMode: "always",
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const personListPath = (params: { q?: string; teamId?: string; cursor?: string | null }) =>
  `/api/v1/persons${qs({ ...params, limit: 30 })}`;

export const duplicatesQuery = (probe: { nickname: string; neighbourhoodId?: string | null; excludeId?: string }) =>
  queryOptions({
    queryKey: ["persons", "duplicates", probe],
    queryFn: ({ signal }) => api.get<DuplicateCandidate[]>(`/api/v1/persons/duplicates${qs(probe)}`, { signal }),
    staleTime: 10_000,
  });

export const personPageQuery = (id: string) =>
  queryOptions({ queryKey: ["persons", "page", id], queryFn: () => api.get<PersonPage>(`/api/v1/persons/${id}`) });

export const updatePerson = (id: string, body: UpdatePersonBody) =>
  api.patch<PersonView>(`/api/v1/persons/${id}`, body);
export const identifyPerson = (id: string, body: IdentifyPersonBody) =>
  api.post<PersonView>(`/api/v1/persons/${id}/identity`, body);
export const addPersonNote = (id: string, body: { teamId: string; body: string }) =>
  api.post<{ id: string }>(`/api/v1/persons/${id}/notes`, body);
export const mergePersons = (survivorId: string, duplicateId: string) =>
  api.post<MergeResult>(`/api/v1/persons/${survivorId}/merge`, { duplicateId });
export const undoMerge = (mergeId: string) => api.post<MergeResult>(`/api/v1/person-merges/${mergeId}/undo`);

const collectivePath = (kind: CollectiveKind) => (kind === "household" ? "households" : "groups");

export const collectivesQuery = (kind: CollectiveKind) =>
  queryOptions({
    queryKey: ["collectives", kind],
    queryFn: () => api.get<Collective[]>(`/api/v1/${collectivePath(kind)}`),
  });

export interface CollectiveBody {
  teamId: string;
  name: string;
  usualPlaceId?: string | null;
  memberIds?: string[];
}
export const createCollective = (kind: CollectiveKind, body: CollectiveBody & { id: string }) =>
  api.post<Collective>(`/api/v1/${collectivePath(kind)}`, body);
export const updateCollective = (
  kind: CollectiveKind,
  id: string,
  body: {
    name?: string;
    usualPlaceId?: string | null;
    isActive?: boolean;
    addMemberIds?: string[];
    removeMemberIds?: string[];
  },
) => api.patch<Collective>(`/api/v1/${collectivePath(kind)}/${id}`, body);
