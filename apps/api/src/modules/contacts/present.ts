import type { ContactView } from "@vindplaats/contracts";
import type { ContactRow } from "./contacts.repo.ts";

export function presentContact(c: ContactRow, showNote: boolean): ContactView {
  return {
    id: c.id,
    teamId: c.team_id,
    mode: c.mode,
    startedAt: c.started_at.toISOString(),
    durationMinutes: c.duration_minutes,
    workerIds: c.worker_ids,
    placeId: c.place_id,
    neighbourhoodId: c.neighbourhood_id,
    locationKind: c.location_kind,
    personIds: c.person_ids,
    groupId: c.group_id,
    anonymous: c.anonymous_counts,
    anonymousTotal: c.anonymous_total,
    cameAbout: c.came_about,
    workingRelationship: c.working_relationship,
    actions: c.actions,
    lifeDomains: c.life_domains,
    note: showNote ? c.note : null,
    isRemoved: c.is_removed,
    removedReason: c.removed_reason,
    version: c.version,
    createdAt: c.created_at.toISOString(),
    createdBy: c.created_by,
    updatedAt: c.updated_at.toISOString(),
  };
}
