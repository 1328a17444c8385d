// "Contact with a group": choose the group, tap the known members who were there; the others are
// counted anonymously below.
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ChipGroup } from "../contacts/chips.tsx";
import { collectivesQuery } from "../persons/persons-api.ts";
import type { PersonRef } from "./contact-draft.ts";

export interface GroupSectionProps {
  groupId: string | null;
  persons: PersonRef[];
  onChange: (patch: { groupId?: string | null; persons?: PersonRef[] }) => void;
  error?: string | undefined;
}

export function GroupSection({ groupId, persons, onChange, error }: GroupSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const groups = useQuery(collectivesQuery("group"));
  const active = (groups.data ?? []).filter((g) => g.isActive || g.id === groupId);
  const group = active.find((g) => g.id === groupId);
  const present = persons.map((p) => p.id);
  const others = persons.filter((p) => !group?.members.some((m) => m.personId === p.id));
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label className="field-label" htmlFor={id}>
        {t("register.group.choose")}
      </label>
      <select
        id={id}
        className="input select"
        value={groupId ?? ""}
        onChange={(e) => onChange({ groupId: e.target.value || null })}
      >
        <option value="">{groups.isPending ? t("app.loading") : t("register.group.none")}</option>
        {active.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      {groups.data && !active.length ? <p className="field-hint">{t("register.group.empty")}</p> : null}
      {group?.members.length ? (
        <ChipGroup
          legend={t("register.group.present")}
          hint={t("register.group.presentHint")}
          options={group.members.map((m) => ({ value: m.personId, label: m.nickname }))}
          value={present}
          onChange={(ids) =>
            onChange({
              persons: [
                ...others,
                ...group.members
                  .filter((m) => ids.includes(m.personId))
                  .map((m) => ({ id: m.personId, nickname: m.nickname })),
              ],
            })
          }
        />
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
