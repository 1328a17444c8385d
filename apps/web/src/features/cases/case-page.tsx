// One address case on a phone: its facts, what to do next (home visit, complaint, move, close),
// the family's path across addresses and the case's history. Who complained is never shown here.
import { useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { CloseDialog, ComplaintDialog, MoveDialog, VisitDialog } from "./case-dialogs.tsx";
import { CaseHistory, CasePath } from "./case-history.tsx";
import { casePageQuery, formatDay, useCaseSaving } from "./cases-api.ts";
import "./cases.css";

type Open = "none" | "visit" | "complaint" | "move" | "close";

export function CasePage() {
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const { t, i18n } = useTranslation();
  const values = useValueLabels();
  const { data: page } = useSuspenseQuery(casePageQuery(caseId));
  const [open, setOpen] = useState<Open>("none");
  const activate = useCaseSaving(() => api.post(`/api/v1/cases/${caseId}/activate`, {}));
  const resolve = useCaseSaving((id: string) => api.post(`/api/v1/case-complaints/${id}/resolve`, {}));
  const c = page.case;
  const isClosed = c.status === "closed";
  const close = () => setOpen("none");
  const facts: [string, string | null][] = [
    [t("cases.facts.neighbourhood"), c.isOutside ? t("cases.outside") : c.neighbourhoodName],
    [t("cases.facts.intakeChannel"), values.label("intake_channel", c.intakeChannel)],
    [t("cases.facts.assignee"), c.assigneeName ?? t("cases.nobody")],
    [t("cases.facts.openedOn"), formatDay(c.openedOn, i18n.language)],
    [
      t("cases.facts.closedOn"),
      c.closedOn
        ? `${formatDay(c.closedOn, i18n.language)} · ${t(`cases.closeReason.${c.closeReason ?? "other"}`)}`
        : null,
    ],
    [
      t("cases.facts.households"),
      page.households
        .filter((h) => !h.until || isClosed)
        .map((h) => h.name)
        .join(", ") || null,
    ],
  ];

  return (
    <div className="stack case-page">
      <PageHeader
        title={c.address}
        intro={
          <span className="case-badges">
            <Badge tone={isClosed ? "muted" : "primary"}>{t(`cases.status.${c.status}`)}</Badge>
            {c.hasNuisance ? (
              <Badge tone="accent">{t("cases.complaint.openCount", { count: c.openComplaints })}</Badge>
            ) : (
              <Badge>{t("cases.noNuisance")}</Badge>
            )}
          </span>
        }
      />
      {c.summary ? <p>{c.summary}</p> : null}
      {isClosed ? null : (
        <div className="case-actions">
          <Button variant="primary" onClick={() => setOpen("visit")}>
            {t("cases.visit.action")}
          </Button>
          <Button onClick={() => setOpen("complaint")}>{t("cases.complaint.add")}</Button>
          <Button onClick={() => setOpen("move")}>{t("cases.move.action")}</Button>
          {c.status === "open" ? (
            <Button busy={activate.isPending} onClick={() => activate.mutate(undefined)}>
              {t("cases.activate")}
            </Button>
          ) : null}
          <Button variant="ghost" onClick={() => setOpen("close")}>
            {t("cases.close.action")}
          </Button>
        </div>
      )}
      <Card>
        <dl className="facts case-facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </Card>
      <CasePath path={page.path} />
      <Card aria-labelledby="complaints-title">
        <div className="card-head">
          <h2 id="complaints-title">{t("cases.complaint.list")}</h2>
        </div>
        {page.complaints.length === 0 ? (
          <Empty>{t("cases.complaint.none")}</Empty>
        ) : (
          <ul className="case-rows">
            {page.complaints.map((k) => (
              <li key={k.id}>
                <span>
                  <strong>{t(`cases.theme.${k.theme}`)}</strong> · {formatDay(k.receivedOn, i18n.language)} ·{" "}
                  {t(`cases.source.${k.source}`)}
                  {k.description ? <span className="cell-sub">{k.description}</span> : null}
                </span>
                {k.resolvedOn ? (
                  <Badge tone="muted">
                    {t("cases.complaint.resolvedOn", { date: formatDay(k.resolvedOn, i18n.language) })}
                  </Badge>
                ) : (
                  <Button size="sm" busy={resolve.isPending} onClick={() => resolve.mutate(k.id)}>
                    {t("cases.complaint.resolve")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="visits-title">
        <div className="card-head">
          <h2 id="visits-title">{t("cases.visit.list")}</h2>
        </div>
        {page.visits.length === 0 ? (
          <Empty>{t("cases.visit.none")}</Empty>
        ) : (
          <ul className="case-rows">
            {page.visits.map((v) => (
              <li key={v.contactId}>
                <span>
                  <strong>
                    {new Date(v.startedAt).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" })}
                  </strong>{" "}
                  · {t("cases.visit.people", { count: v.personCount })}
                  {v.note ? <span className="cell-sub">{v.note}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <CaseHistory history={page.history} />
      <VisitDialog open={open === "visit"} caseId={c.id} onClose={close} />
      <ComplaintDialog open={open === "complaint"} caseId={c.id} onClose={close} />
      <MoveDialog open={open === "move"} caseId={c.id} onClose={close} />
      <CloseDialog open={open === "close"} caseId={c.id} onClose={close} />
    </div>
  );
}
