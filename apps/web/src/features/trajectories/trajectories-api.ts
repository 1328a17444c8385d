// Queries and mutations of the trajectory screens.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TrajectoryPage, TrajectoryView } from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

export const trajectoriesQuery = (teamId: string) =>
  queryOptions({
    queryKey: ["trajectories", "list", teamId],
    queryFn: () => api.get<TrajectoryView[]>(`/api/v1/trajectories?teamId=${teamId}`),
  });

export const trajectoryPageQuery = (id: string) =>
  queryOptions({
    queryKey: ["trajectories", "page", id],
    queryFn: () => api.get<TrajectoryPage>(`/api/v1/trajectories/${id}`),
  });

export interface Retention {
  asOf: string;
  month: number | null;
  stillHoused: number;
  notHoused: number;
  lostToFollowUp: number;
  rate: number | null;
}

export const retentionQuery = (teamId: string) =>
  queryOptions({
    queryKey: ["trajectories", "retention", teamId],
    queryFn: () => api.get<Retention>(`/api/v1/trajectories/retention?teamId=${teamId}`),
  });

export function useTrajectorySaving<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["trajectories"] }),
  });
}
