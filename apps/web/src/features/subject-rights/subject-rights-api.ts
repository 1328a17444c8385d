// Queries and mutations of the DPO's subject-rights screen. The exports are plain links: the browser
// sends the session cookie and saves the file.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  ErasureBody,
  ErasureView,
  Locale,
  RectificationBody,
  SessionView,
  SubjectCandidate,
  SubjectLookupBody,
  SubjectOverview,
  SubjectReasonBody,
} from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

/** Mirrors the API's policy (subject_rights.*) only to hide what a person cannot use. */
export const canHandleSubjectRights = (s: Pick<SessionView, "user">) => s.user.orgRoles.includes("dpo");

const base = (id: string) => `/api/v1/persons/${id}/subject-rights`;

export const subjectQuery = (id: string) =>
  queryOptions({ queryKey: ["subject-rights", id], queryFn: () => api.get<SubjectOverview>(base(id)) });

export const exportUrl = (id: string) => `${base(id)}/export`;
export const exportPdfUrl = (id: string, locale: Locale) => `${base(id)}/export.pdf?locale=${locale}`;

export function useLookup() {
  return useMutation({
    mutationFn: (body: SubjectLookupBody) => api.post<SubjectCandidate[]>("/api/v1/subject-rights/lookup", body),
  });
}

/** One step on the record; the overview comes back (or is read again) so the screen shows the new state. */
export function useSubjectStep(id: string) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ["subject-rights", id] });
  return {
    rectify: useMutation({
      mutationFn: (body: RectificationBody) => api.post<SubjectOverview>(`${base(id)}/rectification`, body),
      onSuccess: done,
    }),
    restrict: useMutation({
      mutationFn: (body: SubjectReasonBody) => api.post<SubjectOverview>(`${base(id)}/restriction`, body),
      onSuccess: done,
    }),
    lift: useMutation({
      mutationFn: (body: SubjectReasonBody) => api.post<SubjectOverview>(`${base(id)}/restriction/lift`, body),
      onSuccess: done,
    }),
    anonymise: useMutation({
      mutationFn: (body: SubjectReasonBody) => api.post<ErasureView>(`${base(id)}/anonymisation`, body),
      onSuccess: done,
    }),
    erase: useMutation({
      mutationFn: (body: ErasureBody) => api.post<ErasureView>(`${base(id)}/erasure`, body),
      onSuccess: done,
    }),
  };
}
