// Queries and the one mutation of the data-protection screens. The Markdown export of the register
// is a plain link: the browser sends the session cookie.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Locale,
  ProcessingRegisterView,
  RetentionPoliciesView,
  RetentionReportView,
  UpdateRetentionBody,
} from "@vindplaats/contracts";
import { api } from "../../api/client.ts";

export const retentionQuery = queryOptions({
  queryKey: ["retention", "policies"],
  queryFn: () => api.get<RetentionPoliciesView>("/api/v1/retention/policies"),
});

export const dryRunQuery = queryOptions({
  queryKey: ["retention", "dry-run"],
  queryFn: () => api.get<RetentionReportView>("/api/v1/retention/dry-run"),
});

/** The register comes in the account's language; the key follows the interface language. */
export const registerQuery = (locale: Locale) =>
  queryOptions({
    queryKey: ["processing-register", locale],
    queryFn: () => api.get<ProcessingRegisterView>("/api/v1/processing-register"),
  });

export const REGISTER_MARKDOWN_URL = "/api/v1/processing-register/markdown";

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRetentionBody) => api.put<RetentionPoliciesView>("/api/v1/retention/policies", body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["retention"] });
      await queryClient.invalidateQueries({ queryKey: ["processing-register"] });
    },
  });
}
