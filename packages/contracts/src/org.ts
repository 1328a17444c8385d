// Organisation model: teams, users, memberships, neighbourhoods and places.
import { ORG_ROLES, PLACE_KINDS, TEAM_KINDS, TEAM_ROLES } from "@vindplaats/domain";
import { z } from "zod";
import { localeSchema, nameText } from "./common.ts";

export const teamKind = z.enum(TEAM_KINDS);
export const teamRole = z.enum(TEAM_ROLES);
export const orgRole = z.enum(ORG_ROLES);
export const placeKind = z.enum(PLACE_KINDS);

export const teamView = z
  .object({ id: z.uuid(), name: z.string(), kind: teamKind, isActive: z.boolean(), memberCount: z.number().int() })
  .meta({ id: "Team" });
export const createTeamBody = z.object({ name: nameText(120), kind: teamKind }).strict();
export const updateTeamBody = z
  .object({ name: nameText(120).optional(), kind: teamKind.optional(), isActive: z.boolean().optional() })
  .strict();

export const userView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    orgRoles: z.array(orgRole),
    locale: localeSchema,
    isActive: z.boolean(),
    memberships: z.array(z.object({ teamId: z.uuid(), role: teamRole })),
  })
  .meta({ id: "User" });
export const createUserBody = z
  .object({
    email: z.email().max(254),
    displayName: nameText(120),
    password: z.string().min(12).max(1024),
    orgRoles: z.array(orgRole).max(3).default([]),
    locale: localeSchema.default("nl"),
  })
  .strict();
export const updateUserBody = z
  .object({
    displayName: nameText(120).optional(),
    orgRoles: z.array(orgRole).max(3).optional(),
    locale: localeSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .strict();

export const setMembershipBody = z
  .object({ userId: z.uuid(), role: teamRole, isActive: z.boolean().default(true) })
  .strict();
export const membershipRow = z
  .object({ teamId: z.uuid(), userId: z.uuid(), displayName: z.string(), role: teamRole, isActive: z.boolean() })
  .meta({ id: "Membership" });

// A GeoJSON Polygon or MultiPolygon; coordinates are [longitude, latitude].
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
// RFC 7946: a linear ring is closed, its first and last positions are the same.
const ring = z
  .array(position)
  .min(4)
  .max(5000)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], { message: "ring not closed" });
export const geometrySchema = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1).max(50) }).strict(),
  z
    .object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1).max(50)).min(1).max(50) })
    .strict(),
]);

export const neighbourhoodView = z
  .object({ id: z.uuid(), name: z.string(), geometry: geometrySchema.nullable(), isActive: z.boolean() })
  .meta({ id: "Neighbourhood" });
export const createNeighbourhoodBody = z
  .object({ name: nameText(120), geometry: geometrySchema.nullable().default(null) })
  .strict();
export const updateNeighbourhoodBody = z
  .object({
    name: nameText(120).optional(),
    geometry: geometrySchema.nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .strict();

export const placeView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    neighbourhoodId: z.uuid(),
    neighbourhoodName: z.string(),
    kind: placeKind,
    isActive: z.boolean(),
  })
  .meta({ id: "Place" });
export const createPlaceBody = z.object({ name: nameText(120), neighbourhoodId: z.uuid(), kind: placeKind }).strict();
export const updatePlaceBody = z
  .object({
    name: nameText(120).optional(),
    neighbourhoodId: z.uuid().optional(),
    kind: placeKind.optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export const listQuery = z.object({ includeInactive: z.enum(["true", "false"]).optional() }).strict();
