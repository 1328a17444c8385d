import { TEAM_KINDS, type TeamKind } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Team, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import type { Editing } from "../admin-ui.tsx";

export function TeamDialog({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing<Team>;
  onClose: () => void;
  onSaved: (team: Team) => void;
}) {
  const { t } = useTranslation();
  const row = editing.mode === "edit" ? editing.row : null;
  const save = useSaving(
    (body: { name: string; kind: TeamKind }) =>
      row ? api.patch<Team>(`/api/v1/teams/${row.id}`, body) : api.post<Team>("/api/v1/teams", body),
    ["teams"],
  );
  const fieldErrors = useFieldErrors(save.error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const body = { name: String(form.get("name") ?? "").trim(), kind: String(form.get("kind")) as TeamKind };
      onSaved(await save.mutateAsync(body));
      save.reset();
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Dialog
      open={editing.mode !== "closed"}
      title={row ? t("admin.teams.editTitle") : t("admin.teams.add")}
      onClose={close}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("admin.name")}
          name="name"
          defaultValue={row?.name}
          required
          maxLength={120}
          error={fieldErrors.name}
        />
        <SelectField
          label={t("admin.teams.kind")}
          name="kind"
          defaultValue={row?.kind ?? "street_work"}
          options={TEAM_KINDS.map((k) => ({ value: k, label: t(`team.kind.${k}`) }))}
          error={fieldErrors.kind}
        />
        <div className="form-actions">
          <Button onClick={close}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("admin.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
