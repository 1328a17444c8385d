// Households (families) and groups (e.g. youths on a square) with their members. Nothing with
// history is deleted: a household or group that no longer exists is deactivated.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Banner, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { useSession } from "../auth/session.ts";
import { ChipGroup } from "../contacts/chips.tsx";
import { type Collective, type CollectiveKind, collectivesQuery, updateCollective } from "../persons/persons-api.ts";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { CollectiveDialog } from "./collective-dialog.tsx";
import "../contacts/forms.css";
import "../persons/persons.css";
import "./coordinator.css";

export function CollectivesPage() {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  const [kind, setKind] = useState<CollectiveKind>("household");
  const [editing, setEditing] = useState<Collective | "new" | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const { data } = useSuspenseQuery(collectivesQuery(kind));
  const rows = data.filter((c) => showInactive || c.isActive);
  if (!team) return <Banner>{t("register.noTeam")}</Banner>;
  return (
    <div className="stack">
      <PageHeader
        title={t("collectives.title")}
        intro={t("collectives.intro")}
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            {t(`collectives.add.${kind}`)}
          </Button>
        }
      />
      <div className="inline-form">
        <ChipGroup
          legend={t("collectives.kindLabel")}
          options={(["household", "group"] as const).map((k) => ({ value: k, label: t(`collectives.plural.${k}`) }))}
          value={[kind]}
          onChange={(v) => v[0] && setKind(v[0])}
          single
        />
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <span>{t("admin.showInactive")}</span>
        </label>
      </div>
      {rows.length === 0 ? <Empty>{t(`collectives.empty.${kind}`)}</Empty> : null}
      <div className="grid-cards">
        {rows.map((c) => (
          <CollectiveCard key={c.id} collective={c} onEdit={() => setEditing(c)} />
        ))}
      </div>
      {editing ? (
        <CollectiveDialog
          kind={kind}
          teamId={team.teamId}
          collective={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function CollectiveCard({ collective, onEdit }: { collective: Collective; onEdit: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { data: places } = useSuspenseQuery(placesQuery());
  const toggle = useMutation({
    mutationFn: () => updateCollective(collective.kind, collective.id, { isActive: !collective.isActive }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["collectives"] }),
  });
  const team = session.memberships.find((m) => m.teamId === collective.ownerTeamId)?.teamName;
  const place = places.find((p) => p.id === collective.usualPlaceId)?.name;
  return (
    <Card aria-label={collective.name}>
      <div className="card-head">
        <div>
          <h2>{collective.name}</h2>
          <p className="card-sub">{[team, place].filter(Boolean).join(" · ")}</p>
        </div>
        {!collective.isActive ? <Badge tone="muted">{t("admin.inactive")}</Badge> : null}
      </div>
      {collective.members.length ? (
        <ul className="tag-list" aria-label={t("collectives.members")}>
          {collective.members.map((m) => (
            <li key={m.personId}>
              <Link className="badge badge-primary" to="/persons/$personId" params={{ personId: m.personId }}>
                {m.nickname}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-sub">{t("collectives.noMembers")}</p>
      )}
      <div className="form-actions">
        <Button size="sm" onClick={onEdit} aria-label={`${t("admin.edit")}: ${collective.name}`}>
          {t("admin.edit")}
        </Button>
        <Button
          size="sm"
          variant={collective.isActive ? "danger" : "secondary"}
          busy={toggle.isPending}
          onClick={() => toggle.mutate()}
          aria-label={`${collective.isActive ? t("admin.deactivate") : t("admin.reactivate")}: ${collective.name}`}
        >
          {collective.isActive ? t("admin.deactivate") : t("admin.reactivate")}
        </Button>
      </div>
      {toggle.error ? (
        <p className="field-error" role="alert">
          {errorText(toggle.error)}
        </p>
      ) : null}
    </Card>
  );
}
