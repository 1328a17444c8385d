// The family's path across addresses (oldest first) and the case's history (newest first).

import { Link } from "@tanstack/react-router";
import type { CasePage } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "../../ui/misc.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { formatDay } from "./cases-api.ts";

export function CasePath({ path }: { path: CasePage["path"] }) {
  const { t, i18n } = useTranslation();
  if (path.length < 2) return null;
  return (
    <Card aria-labelledby="path-title">
      <div className="card-head">
        <h2 id="path-title">{t("cases.path.title")}</h2>
      </div>
      <p className="card-sub">{t("cases.path.intro")}</p>
      <ol className="case-path">
        {path.map((p) => (
          <li key={p.caseId} aria-current={p.isThis ? "step" : undefined}>
            {p.isThis ? (
              <strong>
                {p.address} ({t("cases.path.here")})
              </strong>
            ) : (
              <Link to="/cases/$caseId" params={{ caseId: p.caseId }}>
                {p.address}
              </Link>
            )}
            <span className="cell-sub">
              {p.isOutside ? t("cases.outside") : p.neighbourhoodName} · {formatDay(p.openedOn, i18n.language)}
              {p.closedOn ? ` – ${formatDay(p.closedOn, i18n.language)}` : ""}{" "}
              <Badge tone={p.status === "closed" ? "muted" : "primary"}>
                {p.closeReason ? t(`cases.closeReason.${p.closeReason}`) : t(`cases.status.${p.status}`)}
              </Badge>
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function CaseHistory({ history }: { history: CasePage["history"] }) {
  const { t, i18n } = useTranslation();
  const values = useValueLabels();
  const text = (e: CasePage["history"][number]) => {
    const s = e.summary as Record<string, string | null>;
    switch (e.kind) {
      case "closed":
        return t("cases.history.closed", { reason: t(`cases.closeReason.${s.reason ?? "other"}`) });
      case "moved_from":
      case "moved_to":
        return t(`cases.history.${e.kind}`, { address: s.address ?? "" });
      case "assigned":
        return t("cases.history.assigned", { name: s.assigneeName ?? "" });
      case "complaint":
      case "complaint_resolved":
        return t(`cases.history.${e.kind}`, { theme: t(`cases.theme.${s.theme}`) });
      case "action":
      case "referral":
        return t(`cases.history.${e.kind}`, { service: values.label("referral_service", s.serviceCode) });
      case "household":
        return t("cases.history.household", { name: s.name ?? "" });
      case "task":
        return t("cases.history.task", { title: s.title ?? "" });
      default:
        return t(`cases.history.${e.kind}`);
    }
  };
  return (
    <Card aria-labelledby="history-title">
      <div className="card-head">
        <h2 id="history-title">{t("cases.history.title")}</h2>
      </div>
      <ol className="case-history">
        {history.map((e) => (
          <li key={`${e.kind}-${e.refId ?? ""}-${e.at}`} data-kind={e.kind}>
            <time dateTime={e.day}>{formatDay(e.day, i18n.language)}</time>
            <span>{text(e)}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
