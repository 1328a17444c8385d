import type { CaseView } from "@vindplaats/contracts";
import { formatAddress } from "@vindplaats/domain";
import type { CaseRow } from "./cases.repo.ts";

export function presentCase(c: CaseRow): CaseView {
  return {
    id: c.id,
    teamId: c.team_id,
    street: c.street,
    houseNumber: c.house_number,
    box: c.box,
    postcode: c.postcode,
    address: formatAddress({ street: c.street, houseNumber: c.house_number, box: c.box, postcode: c.postcode }),
    neighbourhoodId: c.neighbourhood_id,
    neighbourhoodName: c.neighbourhood_name,
    isOutside: c.is_outside,
    intakeChannel: c.intake_channel,
    summary: c.summary,
    status: c.status,
    openedOn: c.opened_on,
    closedOn: c.closed_on,
    closeReason: c.close_reason,
    assigneeId: c.assignee_id,
    assigneeName: c.assignee_name,
    previousCaseId: c.previous_case_id,
    nextCaseId: c.next_case_id,
    openComplaints: c.open_complaints,
    hasNuisance: c.status !== "closed" && c.open_complaints > 0,
    version: c.version,
    createdAt: new Date(c.created_at).toISOString(),
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}
