import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { useFieldErrors } from "../../ui/form-error.tsx";

/** Which API fields belong to which section of the form, so a section can show it needs attention. */
export const SECTION_FIELDS = {
  when: ["startedAt", "durationMinutes"],
  place: ["placeId", "neighbourhoodId"],
  who: ["personIds", "newPersons", "groupId", "anonymous"],
  about: ["lifeDomains", "referrals"],
  scan: ["cameAbout", "workingRelationship", "actions"],
  note: ["note", "followUp", "followUpDue"],
} as const;

/**
 * The API's field errors in the interface language, with a clearer word where "required" alone would
 * puzzle a worker: a contact needs a place, and at least someone (a person, a group or a count).
 */
export function useRegisterErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  const messages = useFieldErrors(error);
  if (!(error instanceof ApiError)) return messages;
  const required = (field: string) => error.fields.some((f) => f.field === field && f.key === "field.required");
  if (required("placeId")) messages.placeId = t("register.place.required");
  if (required("personIds")) messages.personIds = t("register.persons.required");
  // A follow-up has two inputs; a problem with its date belongs next to the date.
  if (messages.followUp && error.fields.find((f) => f.field.startsWith("followUp."))?.field === "followUp.dueOn") {
    messages.followUpDue = messages.followUp;
    delete messages.followUp;
  }
  return messages;
}

export const sectionInvalid = (errors: Record<string, string>, section: keyof typeof SECTION_FIELDS) =>
  SECTION_FIELDS[section].some((f) => errors[f]) || undefined;
