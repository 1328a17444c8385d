// One contact, read on purpose (the read is audited, the note shown): its facts, corrections with a
// reason, removal as a correction, and the history of every change.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { membersQuery, placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Banner, Card, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { collectivesQuery, personPageQuery } from "../persons/persons-api.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { contactQuery } from "./contacts-api.ts";
import { CorrectDialog } from "./correct-dialog.tsx";
import { RemoveDialog } from "./remove-dialog.tsx";
import { Revisions } from "./revisions.tsx";
import { formatStart } from "./vocabulary.ts";
import "../persons/persons.css";

export function ContactPage() {
  const { contactId } = useParams({ strict: false }) as { contactId: string };
  const { t, i18n } = useTranslation();
  const session = useSession();
  const values = useValueLabels();
  const { data: contact } = useSuspenseQuery(contactQuery(contactId));
  const { data: places } = useSuspenseQuery(placesQuery());
  const members = useQuery(membersQuery(contact.teamId));
  const groups = useQuery({ ...collectivesQuery("group"), enabled: !!contact.groupId });
  const [dialog, setDialog] = useState<"none" | "correct" | "remove">("none");
  const place = places.find((p) => p.id === contact.placeId);
  const hood =
    place?.neighbourhoodName ?? places.find((p) => p.neighbourhoodId === contact.neighbourhoodId)?.neighbourhoodName;
  const team = session.memberships.find((m) => m.teamId === contact.teamId)?.teamName;
  const workers = contact.workerIds.map((id) => members.data?.find((m) => m.userId === id)?.displayName ?? "…");
  const group = groups.data?.find((g) => g.id === contact.groupId);
  const scan = (key: string, codes: string[]) => codes.map((c) => t(`quickScan.${key}.${c}`)).join(", ");

  const rows: [string, React.ReactNode][] = [
    ["when", formatStart(contact.startedAt, i18n.language)],
    ["duration", t("register.when.minutes", { count: contact.durationMinutes })],
    ["team", team],
    ["workers", workers.join(", ")],
    ["place", [place?.name, hood, t(`placeKind.${contact.locationKind}`)].filter(Boolean).join(" · ")],
    ["group", group?.name],
    ["persons", contact.personIds.length ? <PersonLinks key="persons" ids={contact.personIds} /> : null],
    [
      "anonymous",
      contact.anonymousTotal
        ? contact.anonymous
            .map((a) =>
              [a.count, values.label("age_band", a.ageBand), values.label("gender", a.gender)]
                .filter(Boolean)
                .join(" "),
            )
            .join(", ")
        : null,
    ],
    ["lifeDomains", contact.lifeDomains.map((d) => values.label("life_domain", d)).join(", ")],
    ["cameAbout", scan("cameAbout", contact.cameAbout)],
    ["workingRelationship", scan("workingRelationship", contact.workingRelationship)],
    ["actions", scan("actions", contact.actions)],
    ["note", contact.note],
  ];

  return (
    <div className="stack">
      <PageHeader
        title={t("contacts.detail.title")}
        intro={
          <span className="person-head">
            {formatStart(contact.startedAt, i18n.language)}
            <Badge>{t(`contacts.mode.${contact.mode}`)}</Badge>
            {contact.isRemoved ? <Badge tone="muted">{t("contacts.removed")}</Badge> : null}
          </span>
        }
        actions={
          !contact.isRemoved ? (
            <>
              <Button size="sm" onClick={() => setDialog("correct")}>
                {t("contacts.correct.title")}
              </Button>
              <Button size="sm" variant="danger" onClick={() => setDialog("remove")}>
                {t("contacts.remove.title")}
              </Button>
            </>
          ) : null
        }
      />
      {contact.isRemoved ? (
        <Banner role="status">{t("contacts.removedBecause", { reason: contact.removedReason ?? "" })}</Banner>
      ) : null}
      <div className="grid grid-2">
        <Card aria-labelledby="contact-facts">
          <div className="card-head">
            <h2 id="contact-facts">{t("contacts.detail.facts")}</h2>
          </div>
          <dl className="kv">
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`contacts.fields.${k}`)}</dt>
                  <dd className={k === "note" ? "timeline-body" : undefined}>{v}</dd>
                </div>
              ))}
          </dl>
        </Card>
        <Revisions contactId={contact.id} members={members.data ?? []} />
      </div>
      <p>
        <Link to="/contacts">{t("contacts.backToList")}</Link>
      </p>
      {dialog === "correct" ? (
        <CorrectDialog contact={contact} places={places} onClose={() => setDialog("none")} />
      ) : null}
      {dialog === "remove" ? <RemoveDialog contact={contact} onClose={() => setDialog("none")} /> : null}
    </div>
  );
}

function PersonLinks({ ids }: { ids: string[] }) {
  return (
    <span className="tag-list">
      {ids.map((id) => (
        <PersonLink key={id} id={id} />
      ))}
    </span>
  );
}

function PersonLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = useQuery(personPageQuery(id));
  return (
    <Link className="badge badge-primary" to="/persons/$personId" params={{ personId: id }}>
      {person.data?.person.nickname ?? (person.isError ? t("register.persons.person") : "…")}
    </Link>
  );
}
