// The register of processing activities (GDPR art. 30), generated from the column annotations: one
// activity per purpose with its legal bases, data subjects, data categories (with the columns),
// recipients and retention, the latter with the organisation's own retention periods.
import type { Locale, ProcessingRegisterView, RetentionPolicyView } from "@vindplaats/contracts";
import { RETENTION_CATEGORIES, type RetentionCategory } from "@vindplaats/domain";
import { NOT_PERSONAL, PROCESSING_ANNOTATIONS } from "../../db/processing-annotations.ts";
import {
  type ColumnAnnotation,
  DATA_CATEGORIES,
  LEGAL_BASES,
  PURPOSES,
  type Purpose,
  RECIPIENTS,
  RETENTION_KEYS,
  type RetentionKey,
  SUBJECTS,
} from "../../db/processing-vocabulary.ts";
import {
  BASIS_TEXT,
  DATA_TEXT,
  MONTHS,
  PURPOSE_TEXT,
  pick,
  RECIPIENT_TEXT,
  RETENTION_CATEGORY_TEXT,
  RETENTION_FIXED_TEXT,
  RETENTION_NOT_SET,
  SECURITY,
  SUBJECT_TEXT,
  TRANSFERS,
  YEARS,
} from "./register-text.ts";

export interface RegisterInput {
  organisation: string;
  dpos: { name: string; email: string }[];
  policies: RetentionPolicyView[];
  locale: Locale;
  now: Date;
}

const isCategory = (key: RetentionKey): key is RetentionCategory =>
  (RETENTION_CATEGORIES as readonly string[]).includes(key);

export function formatPeriod(months: number, locale: Locale): string {
  const [text, n] = months % 12 === 0 ? [YEARS, months / 12] : [MONTHS, months];
  return pick(text, locale).replace("{{n}}", String(n));
}

function retentionText(key: RetentionKey, policies: RetentionPolicyView[], locale: Locale): string {
  if (!isCategory(key)) return pick(RETENTION_FIXED_TEXT[key], locale);
  const policy = policies.find((p) => p.category === key);
  const months = policy?.keepMonths ?? 0;
  const text = policy?.isEnabled ? RETENTION_CATEGORY_TEXT[key] : RETENTION_NOT_SET;
  return pick(text, locale).replace(
    "{{period}}",
    formatPeriod(policy?.isEnabled ? months : (policy?.defaultMonths ?? months), locale),
  );
}

/** Keys in the vocabulary's order, each once. */
const ordered = <K extends string>(order: readonly K[], keys: Iterable<K>) => {
  const set = new Set(keys);
  return order.filter((k) => set.has(k));
};

export function buildRegister(input: RegisterInput): ProcessingRegisterView {
  const { locale, policies } = input;
  const byPurpose = new Map<Purpose, [string, ColumnAnnotation][]>();
  for (const [column, a] of PROCESSING_ANNOTATIONS) {
    const list = byPurpose.get(a.purpose) ?? [];
    list.push([column, a]);
    byPurpose.set(a.purpose, list);
  }
  const activities = ordered(PURPOSES, byPurpose.keys()).map((purpose) => {
    const columns = byPurpose.get(purpose)!;
    const all = columns.map(([, a]) => a);
    return {
      purpose: {
        key: purpose,
        name: pick(PURPOSE_TEXT[purpose].name, locale),
        description: pick(PURPOSE_TEXT[purpose].description, locale),
      },
      legalBases: ordered(
        LEGAL_BASES,
        all.map((a) => a.basis),
      ).map((key) => ({ key, name: pick(BASIS_TEXT[key], locale) })),
      subjects: ordered(
        SUBJECTS,
        all.map((a) => a.subjects),
      ).map((key) => ({ key, name: pick(SUBJECT_TEXT[key], locale) })),
      data: ordered(
        DATA_CATEGORIES,
        all.map((a) => a.data),
      ).map((key) => ({
        key,
        name: pick(DATA_TEXT[key], locale),
        columns: columns
          .filter(([, a]) => a.data === key)
          .map(([c]) => c)
          .sort(),
      })),
      recipients: ordered(
        RECIPIENTS,
        all.flatMap((a) => a.recipients),
      ).map((key) => ({ key, name: pick(RECIPIENT_TEXT[key], locale) })),
      retention: ordered(
        RETENTION_KEYS,
        all.map((a) => a.retention),
      ).map((key) => ({ key, name: retentionText(key, policies, locale) })),
    };
  });
  return {
    generatedAt: input.now.toISOString(),
    controller: { organisation: input.organisation, dpos: input.dpos },
    activities,
    transfers: pick(TRANSFERS, locale),
    security: SECURITY.map((s) => pick(s, locale)),
    columns: { personal: PROCESSING_ANNOTATIONS.size, notPersonal: NOT_PERSONAL.size },
  };
}
