// Queries and mutations on the organisation's reference data (teams, users, neighbourhoods, places),
// shared by the home screens and the admin screens.

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { membershipRow, neighbourhoodView, placeView, teamView, userView } from "@vindplaats/contracts";
import type { z } from "zod";
import { readWithFallback } from "../offline/state.ts";
import { api } from "./client.ts";

export type Team = z.infer<typeof teamView>;
export type User = z.infer<typeof userView>;
export type Member = z.infer<typeof membershipRow>;
export type Neighbourhood = z.infer<typeof neighbourhoodView>;
export type Place = z.infer<typeof placeView>;

const list = (path: string, includeInactive: boolean) => (includeInactive ? `${path}?includeInactive=true` : path);

export const teamsQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: ["teams", { includeInactive }],
    queryFn: () => api.get<Team[]>(list("/api/v1/teams", includeInactive)),
  });

export const membersQuery = (teamId: string) =>
  queryOptions({
    queryKey: ["teams", teamId, "members"],
    queryFn: () => api.get<Member[]>(`/api/v1/teams/${teamId}/members`),
    // Fail at once without network (the home screen shows the team only online) instead of pausing.
    networkMode: "always",
  });

export const usersQuery = () => queryOptions({ queryKey: ["users"], queryFn: () => api.get<User[]>("/api/v1/users") });

export const neighbourhoodsQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: ["neighbourhoods", { includeInactive }],
    // Without network, the phone's copy (src/offline).
    queryFn: () =>
      readWithFallback(
        () => api.get<Neighbourhood[]>(list("/api/v1/neighbourhoods", includeInactive)),
        (store) => store.neighbourhoods(includeInactive),
      ),
    networkMode: "always",
  });

export const placesQuery = (includeInactive = false) =>
  queryOptions({
    queryKey: ["places", { includeInactive }],
    queryFn: () =>
      readWithFallback(
        () => api.get<Place[]>(list("/api/v1/places", includeInactive)),
        (store) => store.places(includeInactive),
      ),
    networkMode: "always",
  });

/** A mutation that refreshes the given query families when it succeeds. */
export function useSaving<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>, invalidate: string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}
