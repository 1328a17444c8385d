import type { PersonView } from "@vindplaats/contracts";
import type { FieldClass } from "../access/record-policy.ts";
import type { PersonRow } from "./persons.repo.ts";

/**
 * The person as the API shows it, cut to the field classes the caller may read: the pseudonymous
 * profile, sensitive fields (origin: nationality, languages) and the identity block.
 */
export function presentPerson(p: PersonRow, classes: ReadonlySet<FieldClass>): PersonView {
  const showIdentity = classes.has("identity");
  const sensitive = classes.has("sensitive");
  const profile = classes.has("profile");
  return {
    id: p.id,
    ownerTeamId: p.owner_team_id,
    nickname: p.nickname,
    description: profile ? p.description : null,
    ageBand: profile ? p.age_band : null,
    gender: profile ? p.gender : null,
    birthYear: profile ? p.birth_year : null,
    languages: sensitive ? p.languages : [],
    nationality: sensitive ? p.nationality : null,
    usualPlaceId: profile ? p.usual_place_id : null,
    usualNeighbourhoodId: profile ? p.usual_neighbourhood_id : null,
    knownToSocialService: profile ? p.known_to_social_service : null,
    identityLevel: p.identity_level,
    identity:
      showIdentity && p.identity_level === "identified"
        ? {
            fullName: p.full_name,
            birthDate: p.birth_date,
            nationalRegisterNumber: p.national_register_number,
            phone: p.phone,
            email: p.email,
            identifiedAt: p.identified_at?.toISOString() ?? null,
            identifiedBy: p.identified_by,
          }
        : null,
    isActive: p.is_active,
    mergedIntoId: p.merged_into_id,
    version: p.version,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}
