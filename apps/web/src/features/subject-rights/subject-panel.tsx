// One person's record as the DPO sees it for a request: state, identity, what hangs under it, the
// export links, the actions (each in its own dialog), the restrictions and the revisions.
import { useSuspenseQuery } from "@tanstack/react-query";
import type { SubjectCandidate, SubjectOverview } from "@vindplaats/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale, LOCALES } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Card, Empty } from "../../ui/misc.tsx";
import { type Step, StepDialog } from "./subject-dialogs.tsx";
import { exportPdfUrl, exportUrl, subjectQuery } from "./subject-rights-api.ts";

const moment = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function SubjectPanel({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(subjectQuery(personId));
  const [step, setStep] = useState<Step | null>(null);
  const frozen = !!data.anonymisedAt;
  const { person } = data;
  return (
    <Card aria-labelledby="sr-record" className="sr-record">
      <div className="sr-head">
        <h2 id="sr-record">{t("subjectRights.record.title", { name: person.nickname })}</h2>
        <StateBadges c={{ isActive: person.isActive, restricted: data.restricted, anonymisedAt: data.anonymisedAt }} />
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t("subjectRights.record.close")}
        </Button>
      </div>
      <p className="card-sub">
        {data.ownerTeamName} · {person.id}
      </p>
      <Facts data={data} />

      <h3>{t("subjectRights.export.title")}</h3>
      <p className="card-sub">{t("subjectRights.export.intro")}</p>
      <div className="sr-actions">
        <a className="btn btn-secondary btn-sm" href={exportUrl(personId)} download>
          {t("subjectRights.export.json")}
        </a>
        {LOCALES.map((l) => (
          <a key={l} className="btn btn-secondary btn-sm" href={exportPdfUrl(personId, l)} download lang={l}>
            {t("subjectRights.export.pdf", { lang: l.toUpperCase() })}
          </a>
        ))}
      </div>

      {frozen ? null : (
        <>
          <h3>{t("subjectRights.actions.title")}</h3>
          <div className="sr-actions">
            <Button size="sm" onClick={() => setStep("rectify")}>
              {t("subjectRights.actions.rectify")}
            </Button>
            {data.restricted ? (
              <Button size="sm" onClick={() => setStep("lift")}>
                {t("subjectRights.actions.lift")}
              </Button>
            ) : (
              <Button size="sm" onClick={() => setStep("restrict")}>
                {t("subjectRights.actions.restrict")}
              </Button>
            )}
            <Button size="sm" variant="danger" onClick={() => setStep("anonymise")}>
              {t("subjectRights.actions.anonymise")}
            </Button>
            <EraseButton onClick={() => setStep("erase")} />
          </div>
        </>
      )}
      {frozen ? (
        <div className="sr-actions">
          <EraseButton onClick={() => setStep("erase")} />
        </div>
      ) : null}
      {step ? <StepDialog step={step} data={data} onClose={() => setStep(null)} /> : null}

      <Restrictions data={data} />
      <Revisions data={data} />
    </Card>
  );
}

function EraseButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="sm" variant="danger" onClick={onClick}>
      {t("subjectRights.actions.erase")}
    </Button>
  );
}

function Facts({ data }: { data: SubjectOverview }) {
  const { t } = useTranslation();
  const id = data.person.identity;
  const rows: [string, string | null | undefined][] = [
    ["description", data.person.description],
    ["birthYear", data.person.birthYear ? String(data.person.birthYear) : null],
    ["fullName", id?.fullName],
    ["birthDate", id?.birthDate],
    ["nationalRegisterNumber", id?.nationalRegisterNumber],
    ["phone", id?.phone],
    ["email", id?.email],
  ];
  return (
    <>
      <dl className="sr-facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{t(`subjectRights.fields.${k}`)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {id ? null : <p className="card-sub">{t("subjectRights.record.pseudonymous")}</p>}
      <h3>{t("subjectRights.record.counts")}</h3>
      <dl className="sr-facts">
        {Object.entries(data.counts).map(([k, n]) => (
          <div key={k}>
            <dt>{t(`subjectRights.record.countNames.${k}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Restrictions({ data }: { data: SubjectOverview }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("subjectRights.record.restrictions")}</h3>
      {data.restrictions.length ? (
        <ul className="sr-list">
          {data.restrictions.map((r) => (
            <li key={r.id}>
              {t("subjectRights.record.restrictedSince", {
                at: moment(r.startedAt),
                by: r.startedBy ?? "—",
                reason: r.reason,
              })}
              {r.liftedAt ? (
                <>
                  <br />
                  {t("subjectRights.record.liftedAt", {
                    at: moment(r.liftedAt),
                    by: r.liftedBy ?? "—",
                    reason: r.liftReason ?? "",
                  })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("subjectRights.record.noRestrictions")}</Empty>
      )}
    </>
  );
}

function Revisions({ data }: { data: SubjectOverview }) {
  const { t } = useTranslation();
  if (!data.revisions.length) return <Empty>{t("subjectRights.record.noRevisions")}</Empty>;
  return (
    <>
      <h3>{t("subjectRights.record.revisions")}</h3>
      <ol className="sr-list">
        {data.revisions.map((r) => (
          <li key={`${r.at}-${r.action}`}>
            <strong>{moment(r.at)}</strong> ·{" "}
            {t(`subjectRights.record.revisionActions.${r.action}`, { defaultValue: r.action })} · {r.by ?? "—"}
            {Object.keys(r.changes).length ? <code className="sr-changes">{JSON.stringify(r.changes)}</code> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export function StateBadges({ c }: { c: Pick<SubjectCandidate, "isActive" | "restricted" | "anonymisedAt"> }) {
  const { t } = useTranslation();
  if (c.anonymisedAt) return <Badge tone="muted">{t("subjectRights.state.anonymised")}</Badge>;
  return (
    <>
      <Badge tone={c.isActive ? "primary" : "muted"}>
        {t(c.isActive ? "subjectRights.state.active" : "subjectRights.state.inactive")}
      </Badge>
      {c.restricted ? <Badge tone="accent">{t("subjectRights.state.restricted")}</Badge> : null}
    </>
  );
}
