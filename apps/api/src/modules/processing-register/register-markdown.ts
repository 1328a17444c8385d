// The register of processing as a Markdown document: what the DPO files or attaches to a DPIA.
import type { Locale, ProcessingRegisterView } from "@vindplaats/contracts";

type T3 = readonly [string, string, string];
const H: Record<string, T3> = {
  title: [
    "Register van verwerkingsactiviteiten",
    "Register of processing activities",
    "Registre des activités de traitement",
  ],
  generated: [
    "Gegenereerd uit de database op",
    "Generated from the database on",
    "Généré à partir de la base de données le",
  ],
  controller: ["Verwerkingsverantwoordelijke", "Controller", "Responsable du traitement"],
  dpo: ["Functionaris voor gegevensbescherming", "Data protection officer", "Délégué à la protection des données"],
  none: ["niet ingesteld", "not set", "non désigné"],
  basis: ["Rechtsgrond", "Legal basis", "Base juridique"],
  subjects: ["Betrokkenen", "Data subjects", "Personnes concernées"],
  data: ["Persoonsgegevens", "Personal data", "Données à caractère personnel"],
  recipients: ["Ontvangers", "Recipients", "Destinataires"],
  retention: ["Bewaartermijnen", "Retention", "Durées de conservation"],
  transfers: ["Doorgifte", "Transfers", "Transferts"],
  security: ["Beveiligingsmaatregelen", "Security measures", "Mesures de sécurité"],
  columns: ["kolommen", "columns", "colonnes"],
};
const INDEX: Record<Locale, number> = { nl: 0, en: 1, fr: 2 };

export function renderRegisterMarkdown(r: ProcessingRegisterView, locale: Locale): string {
  const h = (key: string) => H[key]![INDEX[locale]]!;
  const list = (items: { name: string }[]) => items.map((i) => `- ${i.name}`);
  const dpos = r.controller.dpos.map((d) => `${d.name} <${d.email}>`).join(", ") || h("none");
  const lines = [
    `# ${h("title")}`,
    "",
    `${h("generated")} ${r.generatedAt}.`,
    "",
    `**${h("controller")}:** ${r.controller.organisation}  `,
    `**${h("dpo")}:** ${dpos}`,
  ];
  for (const a of r.activities) {
    lines.push("", `## ${a.purpose.name}`, "", a.purpose.description, "");
    lines.push(`### ${h("basis")}`, ...list(a.legalBases), "");
    lines.push(`### ${h("subjects")}`, ...list(a.subjects), "");
    lines.push(`### ${h("data")}`);
    for (const d of a.data) lines.push(`- ${d.name} (${h("columns")}: ${d.columns.map((c) => `\`${c}\``).join(", ")})`);
    lines.push("", `### ${h("recipients")}`, ...list(a.recipients), "");
    lines.push(`### ${h("retention")}`, ...list(a.retention));
  }
  lines.push("", `## ${h("transfers")}`, "", r.transfers, "", `## ${h("security")}`, "");
  lines.push(...r.security.map((s) => `- ${s}`), "");
  return lines.join("\n");
}
