// Team membership: add a person, change their role in the team, end or restore a membership.
// Ending keeps the row (history), so it can be restored later.

import { useQuery } from "@tanstack/react-query";
import { TEAM_ROLES, type TeamRole } from "@vindplaats/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Member, membersQuery, type Team, usersQuery, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import { ErrorState, Loading } from "../../../ui/misc.tsx";
import { StatusBadge } from "../admin-ui.tsx";

interface MembershipBody {
  userId: string;
  role: TeamRole;
  isActive: boolean;
}

export function MembersDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery(team.id));
  const users = useQuery(usersQuery());
  const [formKey, setFormKey] = useState(0);
  const save = useSaving(
    (body: MembershipBody) => api.put<Member[]>(`/api/v1/teams/${team.id}/members`, body),
    ["teams", "users", "session"],
  );
  const fieldErrors = useFieldErrors(save.error);
  const roleOptions = TEAM_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const memberIds = new Set((members.data ?? []).filter((m) => m.isActive).map((m) => m.userId));
  const candidates = (users.data ?? []).filter((u) => u.isActive && !memberIds.has(u.id));

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      userId: String(form.get("userId") ?? ""),
      role: String(form.get("role")) as TeamRole,
      isActive: true,
    };
    try {
      await save.mutateAsync(body);
      setFormKey((k) => k + 1);
    } catch {
      // shown by FormError
    }
  };

  return (
    <Dialog open title={t("admin.teams.membersTitle", { team: team.name })} onClose={onClose}>
      <div className="form">
        <FormError error={save.error} />
        {members.isPending || users.isPending ? <Loading /> : null}
        {members.error || users.error ? <ErrorState error={members.error ?? users.error} /> : null}
        <ul className="member-rows">
          {(members.data ?? []).map((m) => (
            <li key={m.userId} className="member-row">
              <span className="member-name">
                {m.displayName} {m.isActive ? null : <StatusBadge isActive={false} />}
              </span>
              <select
                className="input select"
                aria-label={`${t("admin.teams.role")}: ${m.displayName}`}
                value={m.role}
                disabled={!m.isActive || save.isPending}
                onChange={(e) => save.mutate({ userId: m.userId, role: e.target.value as TeamRole, isActive: true })}
              >
                {roleOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <Button
                size="sm"
                variant={m.isActive ? "danger" : "secondary"}
                disabled={save.isPending}
                onClick={() => save.mutate({ userId: m.userId, role: m.role, isActive: !m.isActive })}
                aria-label={`${m.isActive ? t("admin.teams.endMembership") : t("admin.teams.restoreMembership")}: ${m.displayName}`}
              >
                {m.isActive ? t("admin.teams.endMembership") : t("admin.teams.restoreMembership")}
              </Button>
            </li>
          ))}
        </ul>
        <form key={formKey} className="form member-add" onSubmit={add} noValidate>
          <h3>{t("admin.teams.addMember")}</h3>
          <SelectField
            label={t("admin.teams.person")}
            name="userId"
            defaultValue=""
            placeholder={t("admin.teams.choose")}
            options={candidates.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
            error={fieldErrors.userId}
          />
          <SelectField label={t("admin.teams.role")} name="role" defaultValue="worker" options={roleOptions} />
          <div className="form-actions">
            <Button onClick={onClose}>{t("admin.close")}</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              {t("admin.teams.addMember")}
            </Button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
