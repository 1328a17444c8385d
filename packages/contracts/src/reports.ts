// Figures and stories: the live figures, trends, the metrics catalogue, drill-down, yearly report
// jobs and their exports, and the quotes workers mark for the report.
import { DIMENSIONS, METRIC_IDS, METRIC_SECTIONS } from "@vindplaats/domain";
import { z } from "zod";
import { localeSchema } from "./common.ts";

const localised = z.object({ nl: z.string(), en: z.string(), fr: z.string() });

export const catalogueEntryView = z
  .object({
    id: z.string(),
    section: z.enum(METRIC_SECTIONS),
    kind: z.enum(["number", "share", "series", "matrix"]),
    unit: z.string(),
    dimension: z.enum(DIMENSIONS).nullable(),
    multiValued: z.boolean(),
    coordinatorsOnly: z.boolean(),
    available: z.boolean(),
    name: localised,
    counts: localised,
    date: localised,
    people: localised,
  })
  .meta({ id: "MetricDefinition" });
export const catalogueView = z.object({
  metrics: z.array(catalogueEntryView),
  generalRules: z.array(localised),
  sections: z.array(z.object({ id: z.enum(METRIC_SECTIONS), name: localised })),
});
export type CatalogueView = z.infer<typeof catalogueView>;

export const cellView = z
  .object({ value: z.number().nullable(), display: z.string(), suppressed: z.boolean() })
  .meta({ id: "FigureCell" });
const heading = z.object({ key: z.string(), label: z.string() });

export const figureView = z
  .object({
    metric: z.string(),
    kind: z.enum(["number", "share", "series", "matrix"]),
    unit: z.string(),
    name: z.string(),
    dimension: z.enum(DIMENSIONS).nullable(),
    total: cellView,
    rows: z.array(heading.extend({ cells: z.array(cellView), total: cellView })),
    columns: z.array(heading),
    columnTotals: z.array(cellView),
    share: z.object({ numerator: cellView, denominator: cellView, percent: z.number().nullable() }).nullable(),
    suppressed: z.boolean(),
    hasRowTotals: z.boolean(),
  })
  .meta({ id: "Figure" });
export type FigureView = z.infer<typeof figureView>;

const filters = {
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
};

export const figuresQuery = z.object(filters).strict();
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const selectionView = z.object({
  from: z.string(),
  to: z.string(),
  teamIds: z.array(z.uuid()),
  teamId: z.uuid().nullable(),
  neighbourhoodId: z.uuid().nullable(),
  dataAsOf: z.string(),
});

export const figuresView = z
  .object({
    selection: selectionView,
    /** Small-cell suppression was applied (always for a director). */
    suppressed: z.boolean(),
    /** The viewer may open the contacts behind a contact figure. */
    canDrill: z.boolean(),
    figures: z.array(figureView),
    /** Metrics of the catalogue left out: not available yet, or not for this viewer. */
    omitted: z.array(z.string()),
  })
  .meta({ id: "Figures" });
export type FiguresView = z.infer<typeof figuresView>;

export const trendQuery = z
  .object({
    metric: z.enum(METRIC_IDS),
    fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
    toYear: z.coerce.number().int().min(2000).max(2100).optional(),
    teamId: z.uuid().optional(),
    neighbourhoodId: z.uuid().optional(),
  })
  .strict();
export const trendView = z.object({ selection: selectionView, figure: figureView, years: z.array(z.number().int()) });
export type TrendView = z.infer<typeof trendView>;

export const figureExportQuery = z.object({ ...filters, metric: z.enum(METRIC_IDS), format: z.enum(["csv"]) }).strict();

/** The dimensions a contact figure can be opened on; keys are the figure's row keys. */
export const DRILL_DIMENSIONS = [
  "team",
  "month",
  "weekday",
  "hour",
  "place",
  "neighbourhood",
  "location_kind",
  "working_relationship",
  "came_about",
  "action",
  "life_domain",
  "contact_kind",
] as const;

export const drillQuery = z
  .object({
    ...filters,
    dimension: z.enum(DRILL_DIMENSIONS),
    key: z.string().max(80).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const drillItemView = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  teamName: z.string(),
  placeName: z.string().nullable(),
  neighbourhoodName: z.string().nullable(),
  locationKind: z.string(),
  mode: z.string(),
  personCount: z.number().int(),
  anonymousTotal: z.number().int(),
});
export const drillView = z.object({ items: z.array(drillItemView), total: z.number().int(), truncated: z.boolean() });
export type DrillView = z.infer<typeof drillView>;

// ---- The yearly activity report -----------------------------------------------------------

export const REPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export const REPORT_FORMATS = ["pdf", "xlsx", "csv"] as const;

export const createReportBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** One team, or null for the whole department (a coordinator's own teams). */
    teamId: z.uuid().nullable().default(null),
    locale: localeSchema.optional(),
    /** Recompute a report as of an earlier data timestamp: same data and parameters, same numbers. */
    dataAsOf: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type CreateReportBody = z.infer<typeof createReportBody>;

export const reportParametersView = z.object({
  year: z.number().int(),
  teamId: z.uuid().nullable(),
  teamIds: z.array(z.uuid()),
  locale: localeSchema,
  dataAsOf: z.string(),
  trendYears: z.array(z.number().int()),
});

export const reportJobView = z
  .object({
    id: z.uuid(),
    status: z.enum(REPORT_STATUSES),
    progress: z.number().int(),
    step: z.string().nullable(),
    parameters: reportParametersView,
    title: z.string(),
    requestedBy: z.uuid(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    formats: z.array(z.enum(REPORT_FORMATS)),
    /** The key figures of a finished report (suppressed), for the list. */
    keyFigures: z.array(figureView),
    error: z.string().nullable(),
  })
  .meta({ id: "ReportJob" });
export type ReportJobView = z.infer<typeof reportJobView>;

export const reportExportQuery = z.object({ format: z.enum(REPORT_FORMATS) }).strict();

// ---- Stories: quotes for the report, with the person's consent ------------------------------

export const createStoryBody = z
  .object({
    teamId: z.uuid(),
    personId: z.uuid(),
    contactId: z.uuid().nullable().optional(),
    quote: z.string().trim().min(10).max(1500),
    /** The year of the report the quote is for; the Brussels year of today when left out. */
    year: z.number().int().min(2000).max(2100).optional(),
    consent: z
      .object({
        givenOn: z.iso.date(),
        how: z.enum(["oral", "written"]),
        scope: z.string().trim().min(1).max(200).default("jaarverslag"),
      })
      .strict(),
    /** Other names in the quote (a partner, a street) to take out besides the person's own. */
    extraNames: z.array(z.string().trim().min(2).max(80)).max(10).default([]),
  })
  .strict();
export type CreateStoryBody = z.infer<typeof createStoryBody>;

export const storyView = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    year: z.number().int(),
    quote: z.string(),
    namesRemoved: z.number().int(),
    consentGivenOn: z.string(),
    consentHow: z.string(),
    consentScope: z.string(),
    createdAt: z.string(),
    createdBy: z.uuid(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: "Story" });
export type StoryView = z.infer<typeof storyView>;

export const storyListQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional(), teamId: z.uuid().optional() })
  .strict();
export const withdrawStoryBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
