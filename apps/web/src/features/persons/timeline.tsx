// What the worker's teams recorded about a person, newest first: contacts, referrals, notes, tasks,
// identity steps and merges. Other teams' records never appear here.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { Badge, Empty } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { formatDay, formatStart } from "../contacts/vocabulary.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import type { PersonPage } from "./persons-api.ts";

type Item = PersonPage["timeline"][number];
const str = (v: unknown) => (typeof v === "string" ? v : "");
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function Timeline({ items, places }: { items: Item[]; places: Place[] }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const teamName = (id: string | null) => session.memberships.find((m) => m.teamId === id)?.teamName;
  if (!items.length) return <Empty>{t("persons.timeline.empty")}</Empty>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <span className="timeline-when">
            {formatStart(item.at, i18n.language)}
            {teamName(item.teamId) ? ` · ${teamName(item.teamId)}` : ""}
          </span>
          <TimelineEntry item={item} places={places} />
        </li>
      ))}
    </ol>
  );
}

function TimelineEntry({ item, places }: { item: Item; places: Place[] }) {
  const { t, i18n } = useTranslation();
  const values = useValueLabels();
  const s = item.summary;
  switch (item.kind) {
    case "contact": {
      const place = places.find((p) => p.id === s.placeId)?.name;
      const domains = list(s.lifeDomains);
      return (
        <div className="stack-sm">
          <Link className="timeline-what" to="/contacts/$contactId" params={{ contactId: item.id }}>
            {t(`persons.timeline.contact.${str(s.mode) || "standard"}`)}
            {place ? ` · ${place}` : ""}
            {typeof s.durationMinutes === "number" && s.durationMinutes > 0
              ? ` · ${t("register.when.minutes", { count: s.durationMinutes })}`
              : ""}
          </Link>
          {domains.length || list(s.actions).length ? (
            <span className="tag-list">
              {domains.map((d) => (
                <Badge key={d} tone="primary">
                  {values.label("life_domain", d)}
                </Badge>
              ))}
              {list(s.actions).map((a) => (
                <Badge key={a}>{t(`quickScan.actions.${a}`)}</Badge>
              ))}
            </span>
          ) : null}
          {str(s.note) ? <p className="timeline-body">{str(s.note)}</p> : null}
        </div>
      );
    }
    case "referral":
      return (
        <p className="timeline-what">
          {t("persons.timeline.referral", { service: values.label("referral_service", str(s.serviceCode)) })}
          {s.accompanied === true ? ` · ${t("register.referrals.accompanied")}` : ""}
          {str(s.status) ? ` · ${t(`persons.timeline.referralStatus.${str(s.status)}`, str(s.status))}` : ""}
        </p>
      );
    case "note":
      return (
        <div>
          <p className="timeline-what">{t("persons.timeline.note")}</p>
          <p className="timeline-body">{str(s.body)}</p>
        </div>
      );
    case "task":
      return (
        <p className="timeline-what">
          {t("persons.timeline.task", { title: str(s.title), due: formatDay(str(s.dueOn), i18n.language) })}
          {s.done === true ? ` · ${t("persons.timeline.done")}` : ""}
        </p>
      );
    case "identity":
    case "merge":
      return <p className="timeline-what">{t(`persons.timeline.history.${str(s.action)}`, str(s.action))}</p>;
  }
}
