// Shares, emergency access, its review and the audit trail over the API. Every read here is itself
// audited on the server, so queries run only when a screen shows them.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AuditActor,
  AuditEntry,
  activeBreakGlassView,
  breakGlassView,
  createShareBody,
  SharedWithMeItem,
  ShareRecipients,
  shareView,
} from "@vindplaats/contracts";
import type { z } from "zod";
import { api } from "../../api/client.ts";

export type Share = z.infer<typeof shareView>;
export type ShareBody = z.input<typeof createShareBody>;
export type BreakGlass = z.infer<typeof breakGlassView>;
export type FieldClass = Share["fieldClasses"][number];
export type { AuditActor, AuditEntry, SharedWithMeItem };

export const FIELD_CLASSES: readonly FieldClass[] = ["profile", "identity", "sensitive", "notes"];
/** How long an emergency access lasts (the API's BREAK_GLASS_MINUTES), for the warning text. */
export const BREAK_GLASS_MINUTES = 60;

export const sharesQuery = (personId: string) =>
  queryOptions({
    queryKey: ["shares", personId],
    queryFn: () => api.get<Share[]>(`/api/v1/persons/${personId}/shares`),
  });

export const recipientsQuery = () =>
  queryOptions({
    queryKey: ["share-recipients"],
    queryFn: () => api.get<ShareRecipients>("/api/v1/share-recipients"),
    staleTime: 5 * 60_000,
  });

export const sharedWithMeQuery = () =>
  queryOptions({ queryKey: ["shared-with-me"], queryFn: () => api.get<SharedWithMeItem[]>("/api/v1/shared-with-me") });

export const activeBreakGlassQuery = (personId: string) =>
  queryOptions({
    queryKey: ["break-glass", "mine", personId],
    queryFn: () => api.get<z.infer<typeof activeBreakGlassView>>(`/api/v1/persons/${personId}/break-glass`),
  });

export const breakGlassListQuery = (onlyOpen: boolean) =>
  queryOptions({
    queryKey: ["break-glass", "review", { onlyOpen }],
    queryFn: () => api.get<BreakGlass[]>(`/api/v1/break-glass${onlyOpen ? "?open=true" : ""}`),
  });

export const accessHistoryQuery = (personId: string) =>
  queryOptions({
    queryKey: ["audit", "person", personId],
    queryFn: () => api.get<AuditEntry[]>(`/api/v1/persons/${personId}/access-history`),
  });

export const auditActorsQuery = () =>
  queryOptions({
    queryKey: ["audit", "actors"],
    queryFn: () => api.get<AuditActor[]>("/api/v1/audit/actors"),
    staleTime: 5 * 60_000,
  });

export interface AuditFilters {
  personId?: string;
  actorUserId?: string;
  action?: string;
  /** Instants (ISO) of the period's start (inclusive) and end (exclusive). */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE = 50;

export function auditPath(filters: AuditFilters, beforeSeq: number | null): string {
  const search = new URLSearchParams({ limit: String(AUDIT_PAGE) });
  if (filters.personId) search.set("entityId", filters.personId);
  if (filters.actorUserId) search.set("actorUserId", filters.actorUserId);
  if (filters.action) search.set("action", filters.action);
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (beforeSeq) search.set("beforeSeq", String(beforeSeq));
  return `/api/v1/audit?${search}`;
}

export function useSharePerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShareBody) => api.post<Share>(`/api/v1/persons/${personId}/shares`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["shares", personId] }),
  });
}

export function useRevokeShare(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) => api.post<Share>(`/api/v1/person-shares/${shareId}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["shares", personId] }),
  });
}

export const openBreakGlass = (personId: string, reason: string) =>
  api.post<BreakGlass>(`/api/v1/persons/${personId}/break-glass`, { reason });

export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api.post<BreakGlass>(`/api/v1/break-glass/${id}/review`, { note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["break-glass", "review"] }),
  });
}
