// The subject-access export as a readable PDF (pdfmake, Roboto embedded as in the yearly report):
// the person's data, then one block per section with labelled values, codes shown with the
// organisation's labels, times in Brussels time, and the access history as a table.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Locale, SubjectExport } from "@vindplaats/contracts";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { EXPORT_WORDS } from "./export-text.ts";

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

const PRIMARY = "#1f5f5b";
const MUTED = "#535f62";

/** Which value list a field's codes come from. */
const LISTS: Record<string, string> = {
  ageBand: "age_band",
  gender: "gender",
  nationality: "nationality",
  languages: "language",
  lifeDomains: "life_domain",
  service: "referral_service",
};

const SECTIONS = [
  "mergedRecords",
  "teams",
  "contacts",
  "notes",
  "referrals",
  "tasks",
  "collectives",
  "trajectories",
  "shares",
  "breakGlass",
  "revisions",
  "restrictions",
] as const;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Labels = Map<string, Record<string, string>>;

function formatter(locale: Locale, labels: Labels) {
  const words = EXPORT_WORDS[locale];
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-BE`, {
    timeZone: "Europe/Brussels",
    dateStyle: "medium",
    timeStyle: "short",
  });
  const label = (field: string, code: string) => labels.get(`${LISTS[field]}:${code}`)?.[locale] ?? code;
  const value = (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "boolean") return v ? words.yes : words.no;
    if (Array.isArray(v))
      return v.length ? v.map((x) => (LISTS[field] ? label(field, String(x)) : String(x))).join(", ") : null;
    if (typeof v === "object") return JSON.stringify(v);
    if (typeof v === "string" && ISO_TIME.test(v)) return time.format(new Date(v));
    if (typeof v === "string" && LISTS[field]) return label(field, v);
    if (field === "identityLevel" && typeof v === "string") return words.values[v] ?? v;
    return String(v);
  };
  return { words, value, time };
}

function fieldsTable(item: Record<string, unknown>, f: ReturnType<typeof formatter>, skip: string[] = []): Content {
  const rows = Object.entries(item)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => [k, f.value(k, v)] as const)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => [{ text: f.words.fields[k] ?? k, color: MUTED }, { text: v! }]);
  if (!rows.length) return { text: "" };
  return {
    table: { widths: [150, "*"], body: rows },
    layout: "lightHorizontalLines",
    fontSize: 9,
    margin: [0, 2, 0, 8],
  } as Content;
}

export function exportDefinition(e: SubjectExport, labels: Labels, locale: Locale): TDocumentDefinitions {
  const f = formatter(locale, labels);
  const { words } = f;
  const status = e.status.anonymisedAt
    ? `${words.status.anonymised} ${f.time.format(new Date(e.status.anonymisedAt))}.`
    : e.status.restricted
      ? words.status.restricted
      : words.status.active;
  const content: Content[] = [
    { text: e.organisation, color: MUTED },
    { text: words.title, style: "title" },
    { text: words.intro(e.organisation, f.time.format(new Date(e.generatedAt)), e.generatedBy), margin: [0, 4, 0, 4] },
    { text: status, bold: true, margin: [0, 0, 0, 8] },
    { text: words.sections.person!, style: "section" },
    fieldsTable(e.person, f, ["id"]),
  ];
  for (const key of SECTIONS) {
    const items = e[key] as Record<string, unknown>[];
    content.push({ text: words.sections[key] ?? key, style: "section" });
    if (!items.length) content.push({ text: words.empty, color: MUTED, margin: [0, 0, 0, 6] });
    for (const item of items) content.push(fieldsTable(item, f, ["id"]));
  }
  content.push({ text: words.sections.accessHistory!, style: "section" });
  content.push(
    e.accessHistory.length
      ? ({
          table: {
            headerRows: 1,
            widths: ["auto", "auto", "*"],
            body: [
              [words.fields.at, words.fields.by, words.fields.action].map((t) => ({ text: t, bold: true })),
              ...e.accessHistory.map((a) => [
                f.time.format(new Date(a.at)),
                a.by ?? "—",
                words.actions[a.action] ?? a.action,
              ]),
            ],
          },
          layout: "lightHorizontalLines",
          fontSize: 8.5,
        } as Content)
      : { text: words.empty, color: MUTED },
  );
  return {
    info: { title: words.title, creator: "Vindplaats" },
    pageSize: "A4",
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: "Roboto", fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, color: PRIMARY, margin: [0, 2, 0, 6] },
      section: { fontSize: 12.5, bold: true, color: PRIMARY, margin: [0, 12, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      text: `${words.title} · ${page}/${pages}`,
      alignment: "center",
      fontSize: 8,
      color: MUTED,
    }),
    content,
  };
}

export async function renderExportPdf(e: SubjectExport, labels: Labels, locale: Locale): Promise<Buffer> {
  return Buffer.from(await pdfmake.createPdf(exportDefinition(e, labels, locale)).getBuffer());
}
