// Exports of the filtered contact list to CSV and XLSX. Notes only for coordinators who ask for them.
import type { ContactFilters } from "@vindplaats/contracts";
import { brusselsDay } from "@vindplaats/domain";
import ExcelJS from "exceljs";
import { unseal } from "../../crypto/fields.ts";
import type { Ctx } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { audit } from "../audit/audit.service.ts";
import { isCoordinatorOf } from "../persons/scope.ts";
import { scopeTeams } from "./contact-list.ts";
import { filterClause } from "./contacts.repo.ts";

const MAX_ROWS = 100_000;

interface ExportRow {
  started_at: Date;
  duration_minutes: number;
  team: string;
  workers: string;
  place: string | null;
  neighbourhood: string | null;
  location_kind: string;
  persons: string;
  anonymous_total: number;
  came_about: string[];
  working_relationship: string[];
  actions: string[];
  life_domains: string[];
  note: string | null;
}

const timeFormat = new Intl.DateTimeFormat("nl-BE", {
  timeZone: "Europe/Brussels",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export async function exportContacts(
  ctx: Ctx,
  f: ContactFilters & { format: "csv" | "xlsx"; includeNotes?: "true" | "false" | undefined },
) {
  const teamIds = scopeTeams(ctx, f);
  const wantNotes = f.includeNotes === "true";
  const targetTeams = f.teamId ? [f.teamId] : teamIds;
  if (wantNotes && !targetTeams.every((t) => isCoordinatorOf(ctx.actor, t)))
    throw new AppError(403, "forbidden", [{ field: "includeNotes", key: "field.invalid" }]);
  const params: unknown[] = [];
  const where = filterClause(f, teamIds, params);
  const rows = await ctx.tx.query<ExportRow>(
    `SELECT c.started_at, c.duration_minutes, t.name AS team,
            (SELECT string_agg(u.display_name, ', ' ORDER BY u.display_name) FROM users u WHERE u.id = ANY(c.worker_ids)) AS workers,
            p.name AS place, n.name AS neighbourhood, c.location_kind,
            coalesce((SELECT string_agg(pe.nickname, ', ' ORDER BY pe.nickname) FROM contact_persons cp JOIN persons pe ON pe.id = cp.person_id WHERE cp.contact_id = c.id), '') AS persons,
            c.anonymous_total, c.came_about, c.working_relationship, c.actions, c.life_domains, ${wantNotes ? "c.note" : "NULL::text AS note"}
       FROM contacts c JOIN teams t ON t.id = c.team_id
       LEFT JOIN places p ON p.id = c.place_id LEFT JOIN neighbourhoods n ON n.id = c.neighbourhood_id
      WHERE ${where} ORDER BY c.started_at, c.id LIMIT ${MAX_ROWS + 1}`,
    params,
  );
  if (rows.length > MAX_ROWS) throw new AppError(422, "validation", [{ field: "from", key: "field.too_big" }]);
  await audit(ctx, {
    action: "contacts.exported",
    entityType: "contact",
    entityId: null,
    details: { format: f.format, rows: rows.length, notes: wantNotes, filters: { ...f, format: undefined } },
  });
  const header = [
    "datum",
    "uur",
    "duur_min",
    "team",
    "medewerkers",
    "vindplaats",
    "wijk",
    "soort_locatie",
    "personen",
    "anoniem",
    "ontstaan",
    "werkrelatie",
    "acties",
    "levensdomeinen",
    ...(wantNotes ? ["notitie"] : []),
  ];
  const table = rows.map((r) => [
    brusselsDay(r.started_at),
    timeFormat.format(r.started_at),
    r.duration_minutes,
    r.team,
    r.workers ?? "",
    r.place ?? "",
    r.neighbourhood ?? "",
    r.location_kind,
    r.persons,
    r.anonymous_total,
    r.came_about.join("|"),
    r.working_relationship.join("|"),
    r.actions.join("|"),
    r.life_domains.join("|"),
    ...(wantNotes ? [unseal(r.note) ?? ""] : []),
  ]);
  return f.format === "csv"
    ? { body: toCsv(header, table), type: "text/csv; charset=utf-8", ext: "csv" }
    : {
        body: await toXlsx(header, table),
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ext: "xlsx",
      };
}

/** A spreadsheet must not run a cell as a formula (CSV injection). */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    if (typeof v === "number") return String(v);
    const s = safe(v);
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

async function toXlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Contacten");
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === "string" ? safe(v) : v)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
