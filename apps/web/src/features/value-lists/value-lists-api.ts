// The organisation's value lists (life domains, referral services, age bands, ...) and their labels
// in the interface language. Screens offer only active values; old records still show inactive ones.
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import type { valueListItem } from "@vindplaats/contracts";
import type { ValueListName } from "@vindplaats/domain";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { isLocale } from "../../i18n/index.ts";
import { readWithFallback } from "../../offline/state.ts";

export type ValueItem = z.infer<typeof valueListItem>;

export const valueListsQuery = queryOptions({
  queryKey: ["value-lists"],
  // Without network, the phone's copy (src/offline).
  queryFn: () =>
    readWithFallback(
      () => api.get<ValueItem[]>("/api/v1/value-lists"),
      (store) => store.valueLists(),
    ),
  networkMode: "always",
  staleTime: 5 * 60_000,
});

export interface ValueLabels {
  /** Active values of a list, in the organisation's order. */
  active: (list: ValueListName) => ValueItem[];
  /** The label of a code in the interface language; the code itself when the list does not know it. */
  label: (list: ValueListName, code: string | null | undefined) => string;
  options: (list: ValueListName) => { value: string; label: string }[];
}

export function useValueLabels(): ValueLabels {
  const { data } = useSuspenseQuery(valueListsQuery);
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";
  const label = (list: ValueListName, code: string | null | undefined) => {
    if (!code) return "";
    return data.find((v) => v.list === list && v.code === code)?.labels[locale] ?? code;
  };
  const active = (list: ValueListName) => data.filter((v) => v.list === list && v.isActive);
  return {
    active,
    label,
    options: (list) => active(list).map((v) => ({ value: v.code, label: v.labels[locale] })),
  };
}
