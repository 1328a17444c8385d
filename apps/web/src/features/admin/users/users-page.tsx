import { useSuspenseQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { teamsQuery, type User, usersQuery, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Empty, PageHeader } from "../../../ui/misc.tsx";
import { Table } from "../../../ui/table.tsx";
import { securityApi } from "../../security/security-api.ts";
import { ActiveToggle, type Editing, InactiveFilter, StatusBadge, visibleRows } from "../admin-ui.tsx";
import { PasswordDialog } from "./password-dialog.tsx";
import { UserDialog } from "./user-dialog.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const [users, teams] = useSuspenseQueries({ queries: [usersQuery(), teamsQuery(true)] });
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<User>>({ mode: "closed" });
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [saved, setSaved] = useState("");
  const toggle = useSaving((u: User) => api.patch(`/api/v1/users/${u.id}`, { isActive: !u.isActive }), ["users"]);
  const teamName = new Map(teams.data.map((team) => [team.id, team.name]));
  const rows = visibleRows(users.data, showInactive);

  return (
    <>
      <PageHeader
        title={t("admin.users.title")}
        intro={t("admin.historyNote")}
        actions={
          <>
            <InactiveFilter checked={showInactive} onChange={setShowInactive} />
            <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
              {t("admin.users.add")}
            </Button>
          </>
        }
      />
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("admin.users.empty")}</Empty>
      ) : (
        <Table label={t("admin.users.title")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.displayName")}</th>
              <th scope="col">{t("admin.users.orgRoles")}</th>
              <th scope="col">{t("admin.users.teams")}</th>
              <th scope="col">{t("admin.users.locale")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <tr key={user.id} data-inactive={user.isActive ? undefined : ""}>
                <td>
                  {user.displayName}
                  <span className="cell-sub">{user.email}</span>
                </td>
                <td>{user.orgRoles.map((r) => t(`role.${r}`)).join(", ") || "—"}</td>
                <td>
                  {user.memberships
                    .map((m) => `${teamName.get(m.teamId) ?? "?"} (${t(`role.${m.role}`)})`)
                    .join(", ") || "—"}
                </td>
                <td>{t(`language.${user.locale}`)}</td>
                <td>
                  <StatusBadge isActive={user.isActive} />
                </td>
                <td>
                  <div className="cell-actions">
                    <Button
                      size="sm"
                      onClick={() => setEditing({ mode: "edit", row: user })}
                      aria-label={`${t("admin.edit")}: ${user.displayName}`}
                    >
                      {t("admin.edit")}
                    </Button>
                    <Button
                      size="sm"
                      onClick={() => setResetFor(user)}
                      aria-label={`${t("admin.users.resetPassword")}: ${user.displayName}`}
                    >
                      {t("admin.users.resetPassword")}
                    </Button>
                    <Button
                      size="sm"
                      onClick={async () => {
                        if (!window.confirm(t("securityAdmin.resetFactorConfirm", { name: user.displayName }))) return;
                        await securityApi.resetFactor(user.id);
                        setSaved(`${t("securityAdmin.resetDone")} ${user.displayName}`);
                      }}
                      aria-label={`${t("securityAdmin.resetFactor")}: ${user.displayName}`}
                    >
                      {t("securityAdmin.resetFactor")}
                    </Button>
                    <ActiveToggle
                      isActive={user.isActive}
                      label={user.displayName}
                      onToggle={() => toggle.mutateAsync(user)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <UserDialog
        editing={editing}
        onClose={() => setEditing({ mode: "closed" })}
        onSaved={(user) => {
          setEditing({ mode: "closed" });
          setSaved(`${t("admin.saved")} ${user.displayName}`);
        }}
      />
      {resetFor ? (
        <PasswordDialog
          user={resetFor}
          onClose={() => setResetFor(null)}
          onSaved={() => {
            setSaved(`${t("admin.saved")} ${resetFor.displayName}`);
            setResetFor(null);
          }}
        />
      ) : null}
    </>
  );
}
