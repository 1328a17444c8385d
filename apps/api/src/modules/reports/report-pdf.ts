// The yearly report as PDF (pdfmake): cover, key figures, a chart and table per figure, trends,
// stories and the methodology annex. Roboto is embedded, so Dutch and French diacritics render;
// pdfmake may read only its own font files and no URL. The same snapshot always gives the same file.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { figureTable } from "./figure-table.ts";
import type { ReportSnapshot } from "./report-builder.ts";
import { CHART_WIDTH, renderChartSvg } from "./report-charts.ts";
import { text } from "./report-text.ts";

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")), "fonts", "Roboto");
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

/** The figures drawn as a chart in the PDF (a few per section); the others are tables. */
export const CHARTED = new Set([
  "persons_by_nationality",
  "persons_by_team",
  "contacts_by_month",
  "contacts_by_neighbourhood",
  "contacts_by_life_domain",
  "referrals_by_service",
  "cases_by_intake_channel",
  "complaints_by_theme",
  "housing_first_retention",
]);
/** Trends drawn as a line chart. */
const CHARTED_TRENDS = new Set([
  "persons_reached",
  "contacts_total",
  "persons_by_nationality",
  "complaints_by_theme",
  "housing_first_housed",
]);

const PRIMARY = "#1f5f5b";
const MUTED = "#535f62";

function tableOf(figure: SnapshotFigure, locale: ReportSnapshot["parameters"]["locale"]): Content {
  const t = figureTable(figure, locale);
  const widths = t.header.map((_, i) => (i === 0 ? "*" : "auto"));
  const last = t.rows.length - 1;
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        t.header.map((h, i) => ({ text: h, bold: true, alignment: i === 0 ? "left" : "right" })),
        ...t.rows.map((r, ri) =>
          r.map((v, i) => ({
            text: String(v),
            alignment: i === 0 ? "left" : "right",
            bold: ri === last && figure.kind !== "number",
          })),
        ),
      ],
    },
    layout: "lightHorizontalLines",
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
  } as Content;
}

type SnapshotFigure = ReportSnapshot["sections"][number]["figures"][number];

function figureBlock(
  figure: SnapshotFigure,
  locale: ReportSnapshot["parameters"]["locale"],
  charted: Set<string>,
): Content[] {
  if (figure.kind === "number") {
    return [
      {
        columns: [
          { text: figure.name, width: "*" },
          { text: figure.total.display, bold: true, width: "auto" },
        ],
        style: "figureTitle",
      },
    ];
  }
  const chart = charted.has(figure.metric) ? renderChartSvg(figure, figure.dimension) : null;
  return [
    { text: figure.name, style: "figureTitle" },
    ...(chart ? [{ svg: chart.svg, width: CHART_WIDTH, margin: [0, 2, 0, 2] } as Content] : []),
    tableOf(figure, locale),
  ];
}

export function reportDefinition(s: ReportSnapshot): TDocumentDefinitions {
  const locale = s.parameters.locale;
  const cover: Content[] = [
    { text: s.organisation, style: "coverOrg", margin: [0, 150, 0, 8] },
    { text: s.title, style: "coverTitle" },
    { text: s.subtitle, style: "coverSubtitle", margin: [0, 6, 0, 30] },
    { text: s.lines.scope, margin: [0, 2] },
    { text: s.lines.period, margin: [0, 2] },
    { text: s.lines.dataAsOf, margin: [0, 2], color: MUTED },
  ];
  const keys: Content = {
    table: {
      widths: ["*", "*"],
      body: chunk(s.keyFigures, 2).map((pair) =>
        [0, 1].map((i) => {
          const k = pair[i];
          return k
            ? {
                stack: [
                  { text: k.display, style: "keyValue" },
                  { text: k.label, style: "keyLabel" },
                ],
                margin: [0, 8, 0, 8],
              }
            : { text: "" };
        }),
      ),
    },
    layout: "noBorders",
  };
  const sections: Content[] = s.sections.flatMap((section) => [
    { text: section.name, style: "h1", pageBreak: "before" } as Content,
    ...section.figures.flatMap((f) => figureBlock(f, locale, CHARTED)),
    ...(section.trends.length ? [{ text: text("trends", locale), style: "h2" } as Content] : []),
    ...section.trends.flatMap((f) => figureBlock(f, locale, CHARTED_TRENDS)),
  ]);
  const stories: Content[] = [
    { text: text("stories", locale), style: "h1", pageBreak: "before" },
    { text: text("storiesIntro", locale), color: MUTED, margin: [0, 0, 0, 12] },
    ...(s.stories.length
      ? s.stories.map(
          (story) =>
            ({
              text: [
                { text: `“${story.quote}”`, italics: true },
                { text: `  — ${story.team}`, color: MUTED, fontSize: 9 },
              ],
              margin: [12, 4, 12, 10],
            }) as Content,
        )
      : [{ text: text("noStories", locale), color: MUTED } as Content]),
  ];
  const annex: Content[] = [
    { text: text("methodology", locale), style: "h1", pageBreak: "before" },
    { ul: s.annex.rules, margin: [0, 0, 0, 12], fontSize: 9 },
    ...s.annex.metrics.flatMap((m) => [
      { text: m.name, style: "figureTitle" } as Content,
      {
        table: {
          widths: [110, "*"],
          body: [
            [{ text: text("whatCounts", locale), bold: true }, m.counts],
            [{ text: text("whichDate", locale), bold: true }, m.date],
            [{ text: text("people", locale), bold: true }, m.people],
          ],
        },
        layout: "lightHorizontalLines",
        fontSize: 8.5,
        margin: [0, 2, 0, 8],
      } as Content,
    ]),
    { text: text("parameters", locale), style: "h2" },
    { text: JSON.stringify(s.parameters), fontSize: 7.5, color: MUTED },
  ];
  return {
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    info: {
      title: `${s.title} – ${s.organisation}`,
      creator: "Vindplaats",
      producer: "Vindplaats",
      creationDate: new Date(s.parameters.dataAsOf),
    },
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2, color: "#1c2426" },
    footer: (page, pages) =>
      page === 1
        ? null
        : {
            text: text("page", locale, { page, pages }),
            alignment: "center",
            fontSize: 8,
            color: MUTED,
            margin: [0, 20, 0, 0],
          },
    content: [
      ...cover,
      { text: text("keyFigures", locale), style: "h1", pageBreak: "before" },
      keys,
      { text: text("suppressedNote", locale), fontSize: 8, color: MUTED, margin: [0, 12, 0, 0] },
      ...sections,
      ...stories,
      ...annex,
    ],
    styles: {
      coverOrg: { fontSize: 14, color: MUTED },
      coverTitle: { fontSize: 34, bold: true, color: PRIMARY },
      coverSubtitle: { fontSize: 14 },
      h1: { fontSize: 20, bold: true, color: PRIMARY, margin: [0, 0, 0, 10] },
      h2: { fontSize: 14, bold: true, color: PRIMARY, margin: [0, 12, 0, 6] },
      figureTitle: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      keyValue: { fontSize: 26, bold: true, color: PRIMARY },
      keyLabel: { fontSize: 10, color: MUTED },
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function renderReportPdf(snapshot: ReportSnapshot): Promise<Buffer> {
  return Buffer.from(await pdfmake.createPdf(reportDefinition(snapshot)).getBuffer());
}
