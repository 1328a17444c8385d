// Asking for the yearly activity report and following it: the form (year, department or team,
// language), then every report with its progress bar and, when ready, its PDF, XLSX and CSV.
import { useSuspenseQueries } from "@tanstack/react-query";
import type { ReportJobView } from "@vindplaats/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { teamsQuery } from "../../api/org.ts";
import { LOCALES } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { Badge, Banner, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { coordinatedTeams, isDirector } from "../dashboard/access.ts";
import "../dashboard/dashboard.css";
import { reportFileUrl, reportJobsQuery, useRequestReport } from "./reports-api.ts";

const FORMATS = [
  ["pdf", "PDF"],
  ["xlsx", "Excel (XLSX)"],
  ["csv", "CSV"],
] as const;

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [teams, jobs] = useSuspenseQueries({ queries: [teamsQuery(), reportJobsQuery()] });
  const request = useRequestReport();
  const [requested, setRequested] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const teamOptions = isDirector(session)
    ? teams.data.map((team) => ({ value: team.id, label: team.name }))
    : coordinatedTeams(session).map((m) => ({ value: m.teamId, label: m.teamName }));
  const formatAt = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Brussels",
    }).format(new Date(iso));

  return (
    <div className="stack">
      <PageHeader title={t("reports.title")} intro={t("reports.intro")} />
      <Card aria-labelledby="report-form-title">
        <h2 id="report-form-title" className="visually-hidden">
          {t("reports.submit")}
        </h2>
        <form
          className="filters-bar"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const teamId = String(form.get("teamId") ?? "");
            await request.mutateAsync({
              year: Number(form.get("year")),
              teamId: teamId || null,
              locale: String(form.get("locale")) as "nl",
            });
            setRequested(true);
          }}
        >
          <SelectField
            label={t("reports.year")}
            name="year"
            defaultValue={String(thisYear - 1)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            label={t("reports.scope")}
            name="teamId"
            defaultValue=""
            options={teamOptions}
            placeholder={isDirector(session) ? t("reports.department") : t("reports.myTeams")}
          />
          <SelectField
            label={t("reports.language")}
            name="locale"
            defaultValue={session.user.locale}
            options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          />
          <Button type="submit" variant="primary" busy={request.isPending}>
            {t("reports.submit")}
          </Button>
        </form>
        <FormError error={request.error} />
        {requested ? <p role="status">{t("reports.requested")}</p> : null}
      </Card>
      <section aria-labelledby="report-list" className="stack">
        <h2 id="report-list">{t("reports.list")}</h2>
        {jobs.data.length === 0 ? <Empty>{t("reports.empty")}</Empty> : null}
        <ul className="job-list">
          {jobs.data.map((job) => (
            <ReportItem key={job.id} job={job} formatAt={formatAt} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function ReportItem({ job, formatAt }: { job: ReportJobView; formatAt: (iso: string) => string }) {
  const { t } = useTranslation();
  const tone = job.status === "done" ? "primary" : job.status === "failed" ? "accent" : "muted";
  return (
    <li>
      <Card aria-label={job.title} data-report={job.id}>
        <div className="card-head">
          <div>
            <h3>{job.title}</h3>
            <p className="card-sub">{t("reports.dataAsOf", { at: formatAt(job.parameters.dataAsOf) })}</p>
          </div>
          <Badge tone={tone}>{t(`reports.status.${job.status}`)}</Badge>
        </div>
        {job.status === "queued" || job.status === "running" ? (
          <progress
            className="progress"
            max={100}
            value={job.progress}
            aria-label={t("reports.progress", { title: job.title })}
          >
            {job.progress} %
          </progress>
        ) : null}
        {job.status === "failed" ? <Banner tone="danger">{t("reports.failed")}</Banner> : null}
        {job.status === "done" ? (
          <div className="figure-actions">
            {FORMATS.filter(([f]) => job.formats.includes(f)).map(([format, label]) => (
              <a
                key={format}
                className="btn btn-secondary btn-sm"
                href={reportFileUrl(job.id, format)}
                download
                aria-label={t("reports.downloadLabel", { title: job.title, format: label })}
              >
                {label}
              </a>
            ))}
          </div>
        ) : null}
      </Card>
    </li>
  );
}
