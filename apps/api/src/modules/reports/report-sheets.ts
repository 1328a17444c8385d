// The yearly report as XLSX (one sheet per section, counts as numbers, "<5" as text) and as CSV
// (one long table: section, metric, row, column, value). Both read the frozen snapshot.
import type { Figure } from "@vindplaats/domain";
import ExcelJS from "exceljs";
import { figureTable, safeText, type TableValue, toCsv } from "./figure-table.ts";
import type { ReportSnapshot } from "./report-builder.ts";
import { text } from "./report-text.ts";

/** Excel refuses some characters and names over 31 characters. */
const sheetName = (name: string, used: Set<string>) => {
  let base = name
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, 31)
    .trim();
  for (let i = 2; used.has(base); i++) base = `${name.slice(0, 28)} ${i}`;
  used.add(base);
  return base;
};

function addFigure(sheet: ExcelJS.Worksheet, figure: Figure, locale: ReportSnapshot["parameters"]["locale"]) {
  const t = figureTable(figure, locale);
  sheet.addRow([figure.name]).font = { bold: true, size: 12 };
  sheet.addRow(t.header).font = { bold: true };
  for (const r of t.rows) sheet.addRow(r.map((v) => (typeof v === "string" ? safeText(v) : v)));
  sheet.addRow([]);
}

export async function renderReportXlsx(s: ReportSnapshot): Promise<Buffer> {
  const locale = s.parameters.locale;
  const book = new ExcelJS.Workbook();
  book.creator = "Vindplaats";
  book.created = new Date(s.parameters.dataAsOf);
  book.modified = book.created;
  const used = new Set<string>();
  const key = book.addWorksheet(sheetName(text("sheetKey", locale), used));
  key.addRow([s.title]).font = { bold: true, size: 14 };
  key.addRow([s.organisation]);
  key.addRow([s.lines.scope]);
  key.addRow([s.lines.period]);
  key.addRow([s.lines.dataAsOf]);
  key.addRow([]);
  for (const k of s.keyFigures) key.addRow([k.label, k.value ?? k.display, k.isPercent ? "%" : ""]);
  key.getColumn(1).width = 60;
  key.getColumn(2).width = 14;

  for (const section of s.sections) {
    const sheet = book.addWorksheet(sheetName(section.name, used));
    sheet.getColumn(1).width = 48;
    for (const f of section.figures) addFigure(sheet, f, locale);
  }
  const trends = book.addWorksheet(sheetName(text("sheetTrends", locale), used));
  trends.getColumn(1).width = 48;
  for (const f of s.sections.flatMap((x) => x.trends)) addFigure(trends, f, locale);

  const stories = book.addWorksheet(sheetName(text("sheetStories", locale), used));
  stories.getColumn(1).width = 100;
  for (const story of s.stories) stories.addRow([safeText(story.quote), story.team]);

  const method = book.addWorksheet(sheetName(text("sheetMethod", locale), used));
  method.getColumn(1).width = 40;
  method.getColumn(2).width = 100;
  for (const rule of s.annex.rules) method.addRow([rule]);
  method.addRow([]);
  for (const m of s.annex.metrics) {
    method.addRow([m.name]).font = { bold: true };
    method.addRow([text("whatCounts", locale), m.counts]);
    method.addRow([text("whichDate", locale), m.date]);
    method.addRow([text("people", locale), m.people]);
  }
  method.addRow([]);
  method.addRow([text("parameters", locale), JSON.stringify(s.parameters)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function renderReportCsv(s: ReportSnapshot): string {
  const locale = s.parameters.locale;
  const rows: TableValue[][] = [text("csvHeader", locale).split(",")];
  const push = (section: string, f: Figure) => {
    const t = figureTable(f, locale);
    for (const r of t.rows) {
      for (const [j, column] of t.header.slice(1).entries())
        rows.push([section, f.metric, f.name, String(r[0]), column, r[j + 1] ?? ""]);
    }
  };
  for (const k of s.keyFigures)
    rows.push([text("keyFigures", locale), k.metric, k.label, "", "", k.value ?? k.display]);
  for (const section of s.sections) {
    for (const f of section.figures) push(section.name, f);
    for (const f of section.trends) push(`${section.name} – ${text("trends", locale)}`, f);
  }
  return toCsv(rows);
}
