// One contact in the list: when, where, how many people, what it was about. Lists never show notes.
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { Badge } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import type { ContactView } from "../contacts/contacts-api.ts";
import { formatStart } from "../contacts/vocabulary.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";

export function ContactRow({ contact, places }: { contact: ContactView; places: Place[] }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const values = useValueLabels();
  const place = places.find((p) => p.id === contact.placeId);
  const team =
    session.memberships.length > 1 ? session.memberships.find((m) => m.teamId === contact.teamId)?.teamName : null;
  const who = [
    contact.personIds.length ? t("contacts.list.persons", { count: contact.personIds.length }) : "",
    contact.anonymousTotal ? t("contacts.list.anonymous", { count: contact.anonymousTotal }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Link className="list-row" to="/contacts/$contactId" params={{ contactId: contact.id }}>
      <span className="list-row-head">
        <span>{place?.name ?? t("contacts.noPlace")}</span>
        <span className="list-row-sub">{formatStart(contact.startedAt, i18n.language)}</span>
      </span>
      <span className="list-row-sub">
        {[who, team, contact.mode !== "standard" ? t(`contacts.mode.${contact.mode}`) : ""].filter(Boolean).join(" · ")}
      </span>
      {contact.lifeDomains.length || contact.isRemoved ? (
        <span className="tag-list">
          {contact.isRemoved ? <Badge tone="muted">{t("contacts.removed")}</Badge> : null}
          {contact.lifeDomains.map((d) => (
            <Badge key={d} tone="primary">
              {values.label("life_domain", d)}
            </Badge>
          ))}
        </span>
      ) : null}
    </Link>
  );
}
