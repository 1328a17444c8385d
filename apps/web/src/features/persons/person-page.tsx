// The person page: who this is (as far as the team knows), which other teams also know the person
// (team and whom to ask, never their content), households and groups, and the team's timeline.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import type { PersonView } from "@vindplaats/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Banner, Card, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { AccessHistoryLink } from "../secrecy/access-history-link.tsx";
import { BreakGlassBanner } from "../secrecy/break-glass-banner.tsx";
import { ShareSection } from "../secrecy/share-section.tsx";
import { IdentityDialog } from "./identity-dialog.tsx";
import { MergeSection } from "./merge-section.tsx";
import { NoteForm } from "./note-form.tsx";
import { collectivesQuery, personPageQuery } from "./persons-api.ts";
import { ProfileDialog } from "./profile-dialog.tsx";
import { ProfileFacts } from "./profile-facts.tsx";
import { Timeline } from "./timeline.tsx";
import "../contacts/forms.css";
import "./persons.css";

export function PersonPage() {
  const { personId } = useParams({ strict: false }) as { personId: string };
  const { t } = useTranslation();
  const session = useSession();
  const { data: page } = useSuspenseQuery(personPageQuery(personId));
  const { data: places } = useSuspenseQuery(placesQuery());
  const [dialog, setDialog] = useState<"none" | "profile" | "identity">("none");
  const person = page.person;
  const ownTeam = session.memberships.find((m) => m.teamId === person.ownerTeamId);
  const canWork = page.relation === "own" || page.relation === "same_team";
  const isCoordinator = session.memberships.some((m) => m.role === "coordinator" && m.teamId === person.ownerTeamId);

  return (
    <div className="stack">
      <PageHeader
        title={person.nickname}
        intro={
          <span className="person-head">
            <Badge tone={person.identityLevel === "identified" ? "primary" : "neutral"}>
              {t(`persons.level.${person.identityLevel}`)}
            </Badge>
            {ownTeam ? <span>{t("persons.ownerTeam", { team: ownTeam.teamName })}</span> : null}
            {!person.isActive ? <Badge tone="muted">{t("admin.inactive")}</Badge> : null}
          </span>
        }
        actions={
          canWork ? (
            <>
              <Button size="sm" onClick={() => setDialog("profile")}>
                {t("persons.editProfile")}
              </Button>
              {person.identityLevel === "pseudonymous" ? (
                <Button size="sm" onClick={() => setDialog("identity")}>
                  {t("persons.identify.title")}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {person.mergedIntoId ? (
        <Banner role="status">
          {t("persons.mergedInto")}{" "}
          <Link to="/persons/$personId" params={{ personId: person.mergedIntoId }}>
            {t("persons.openSurvivor")}
          </Link>
        </Banner>
      ) : null}
      {page.relation !== "own" && page.relation !== "same_team" && page.relation !== "break_glass" ? (
        <Banner role="note">{t(`persons.relation.${page.relation}`)}</Banner>
      ) : null}
      {page.relation === "break_glass" ? <BreakGlassBanner personId={person.id} /> : null}
      <div className="grid grid-2">
        <div className="stack">
          <Card aria-labelledby="timeline-title">
            <div className="card-head">
              <h2 id="timeline-title">{t("persons.timeline.title")}</h2>
            </div>
            {canWork ? <NoteForm personId={person.id} /> : null}
            <Timeline items={page.timeline} places={places} />
          </Card>
        </div>
        <div className="stack">
          <Card aria-labelledby="profile-title">
            <div className="card-head">
              <h2 id="profile-title">{t("persons.profile")}</h2>
            </div>
            <ProfileFacts person={person} places={places} />
          </Card>
          {person.identity ? <IdentityCard identity={person.identity} /> : null}
          <AlsoKnownBy teams={page.otherTeams} />
          {canWork ? <ShareSection personId={person.id} nickname={person.nickname} /> : null}
          <AccessHistoryLink personId={person.id} />
          <Memberships personId={person.id} />
          {isCoordinator && !person.mergedIntoId ? <MergeSection person={person} /> : null}
        </div>
      </div>
      {dialog === "profile" ? (
        <ProfileDialog person={person} places={places} onClose={() => setDialog("none")} />
      ) : null}
      {dialog === "identity" ? <IdentityDialog person={person} onClose={() => setDialog("none")} /> : null}
    </div>
  );
}

function IdentityCard({ identity }: { identity: NonNullable<PersonView["identity"]> }) {
  const { t } = useTranslation();
  const rows = [
    ["fullName", identity.fullName],
    ["birthDate", identity.birthDate],
    ["nationalRegisterNumber", identity.nationalRegisterNumber],
    ["phone", identity.phone],
    ["email", identity.email],
  ] as const;
  return (
    <Card aria-labelledby="identity-title">
      <div className="card-head">
        <h2 id="identity-title">{t("persons.identity")}</h2>
      </div>
      <dl className="kv">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{t(`persons.identify.${k}`)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </Card>
  );
}
function AlsoKnownBy({ teams }: { teams: { teamId: string; teamName: string; contactWorker: string | null }[] }) {
  const { t } = useTranslation();
  if (!teams.length) return null;
  return (
    <Card aria-labelledby="known-title">
      <div className="card-head">
        <div>
          <h2 id="known-title">{t("persons.alsoKnown")}</h2>
          <p className="card-sub">{t("persons.alsoKnownHint")}</p>
        </div>
      </div>
      <ul className="list-rows">
        {teams.map((team) => (
          <li key={team.teamId}>
            <strong>{team.teamName}</strong>
            {team.contactWorker ? (
              <span className="cell-sub">{t("persons.askWorker", { worker: team.contactWorker })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Memberships({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const households = useQuery(collectivesQuery("household"));
  const groups = useQuery(collectivesQuery("group"));
  const all = [...(households.data ?? []), ...(groups.data ?? [])].filter((c) =>
    c.members.some((m) => m.personId === personId),
  );
  return (
    <Card aria-labelledby="member-title">
      <div className="card-head">
        <h2 id="member-title">{t("persons.memberships")}</h2>
        <Link to="/households-and-groups">{t("collectives.manage")}</Link>
      </div>
      {all.length ? (
        <ul className="list-rows">
          {all.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> <Badge>{t(`collectives.kind.${c.kind}`)}</Badge>
              <span className="cell-sub">
                {c.members
                  .filter((m) => m.personId !== personId)
                  .map((m) => m.nickname)
                  .join(", ")}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-sub">{t("persons.noMemberships")}</p>
      )}
    </Card>
  );
}
