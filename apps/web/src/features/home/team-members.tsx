import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { membersQuery } from "../../api/org.ts";
import { Badge, Card, Empty } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { initials } from "./home-logic.ts";

export function TeamMembers({ teamId, title }: { teamId: string; title: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { data } = useSuspenseQuery(membersQuery(teamId));
  const members = data.filter((m) => m.isActive);
  return (
    <Card aria-labelledby="members-title">
      <div className="card-head">
        <h2 id="members-title">{title}</h2>
        <span className="card-sub">{t("home.membersCount", { count: members.length })}</span>
      </div>
      {members.length === 0 ? (
        <Empty>{t("home.noMembers")}</Empty>
      ) : (
        <ul className="people">
          {members.map((m) => (
            <li key={m.userId} className="person">
              <span className="avatar" aria-hidden="true">
                {initials(m.displayName)}
              </span>
              <span className="person-name">
                {m.displayName}
                {m.userId === session.user.id ? <span className="person-you"> ({t("home.you")})</span> : null}
              </span>
              <Badge tone={m.role === "coordinator" ? "primary" : "neutral"}>{t(`role.${m.role}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
