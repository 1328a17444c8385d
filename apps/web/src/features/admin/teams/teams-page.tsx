import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Team, teamsQuery, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Empty, PageHeader } from "../../../ui/misc.tsx";
import { Table } from "../../../ui/table.tsx";
import { ActiveToggle, type Editing, InactiveFilter, StatusBadge, visibleRows } from "../admin-ui.tsx";
import { MembersDialog } from "./members-dialog.tsx";
import { TeamDialog } from "./team-dialog.tsx";

export function TeamsPage() {
  const { t } = useTranslation();
  const { data: teams } = useSuspenseQuery(teamsQuery(true));
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<Team>>({ mode: "closed" });
  const [membersOf, setMembersOf] = useState<Team | null>(null);
  const [saved, setSaved] = useState("");
  const toggle = useSaving(
    (team: Team) => api.patch(`/api/v1/teams/${team.id}`, { isActive: !team.isActive }),
    ["teams"],
  );
  const rows = visibleRows(teams, showInactive);

  return (
    <>
      <PageHeader
        title={t("admin.teams.title")}
        intro={t("admin.historyNote")}
        actions={
          <>
            <InactiveFilter checked={showInactive} onChange={setShowInactive} />
            <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
              {t("admin.teams.add")}
            </Button>
          </>
        }
      />
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("admin.teams.empty")}</Empty>
      ) : (
        <Table label={t("admin.teams.title")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.teams.kind")}</th>
              <th scope="col">{t("admin.teams.members")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((team) => (
              <tr key={team.id} data-inactive={team.isActive ? undefined : ""}>
                <td>{team.name}</td>
                <td>{t(`team.kind.${team.kind}`)}</td>
                <td>{team.memberCount}</td>
                <td>
                  <StatusBadge isActive={team.isActive} />
                </td>
                <td>
                  <div className="cell-actions">
                    <Button
                      size="sm"
                      onClick={() => setMembersOf(team)}
                      aria-label={`${t("admin.teams.manageMembers")}: ${team.name}`}
                    >
                      {t("admin.teams.members")}
                    </Button>
                    <Button
                      size="sm"
                      onClick={() => setEditing({ mode: "edit", row: team })}
                      aria-label={`${t("admin.edit")}: ${team.name}`}
                    >
                      {t("admin.edit")}
                    </Button>
                    <ActiveToggle
                      isActive={team.isActive}
                      label={team.name}
                      onToggle={() => toggle.mutateAsync(team)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <TeamDialog
        editing={editing}
        onClose={() => setEditing({ mode: "closed" })}
        onSaved={(team) => {
          setEditing({ mode: "closed" });
          setSaved(`${t("admin.saved")} ${team.name}`);
        }}
      />
      {membersOf ? <MembersDialog team={membersOf} onClose={() => setMembersOf(null)} /> : null}
    </>
  );
}
