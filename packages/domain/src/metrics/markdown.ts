// The catalogue as Markdown: docs/metrics.md is this text (a unit test keeps them equal), in
// English with the Dutch and French names, since the docs folder is written in English.
import { GENERAL_RULES, METRIC_SECTIONS, METRICS, type MetricDefinition, SECTION_NAMES } from "./catalogue.ts";

const KIND: Record<MetricDefinition["kind"], string> = {
  number: "a number",
  share: "a share (part of a whole)",
  series: "counts per category",
  matrix: "a cross table",
};

export function catalogueMarkdown(): string {
  const lines: string[] = [
    "# Metrics: what every figure counts",
    "",
    "<!-- Generated from packages/domain/src/metrics/catalogue.ts; run `VP_WRITE_DOCS=1 npx vitest run --project unit packages/domain/src/metrics` after changing it. -->",
    "",
    "Every figure on the dashboard (`/figures`), in the API (`/api/v1/reports/...`) and in the yearly",
    "activity report is defined here, once. The app shows the same text on its *What the figures count*",
    "page, in the interface language, and the report prints it as its methodology annex.",
    "",
    "## General rules",
    "",
    ...GENERAL_RULES.map((r) => `- ${r.en}`),
    "",
  ];
  for (const section of METRIC_SECTIONS) {
    lines.push(`## ${SECTION_NAMES[section].en}`, "");
    for (const m of (METRICS as readonly MetricDefinition[]).filter((x) => x.section === section)) {
      lines.push(`### ${m.name.en} (\`${m.id}\`)`, "");
      lines.push(`*nl:* ${m.name.nl} · *fr:* ${m.name.fr}`, "");
      const about = [`${KIND[m.kind]} of ${m.unit.replace("_", " ")}`];
      if (m.dimension) about.push(`rows: \`${m.dimension}\``);
      if (m.multiValued) about.push("a contact or person can count in several rows");
      if (m.coordinatorsOnly) about.push("coordinators only, never in a report or for the director");
      if (m.needsCases) about.push("from the cases module's tables");
      lines.push(`- **Kind:** ${about.join("; ")}.`);
      lines.push(`- **What counts:** ${m.counts.en}`);
      lines.push(`- **Which date decides:** ${m.date.en}`);
      lines.push(`- **Anonymous head counts and merged persons:** ${m.people.en}`, "");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
