// Adding a value (a stable code plus labels in the three languages) or relabelling one.
import type { ValueListName } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSaving } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import type { Editing } from "../admin/admin-ui.tsx";
import type { ValueItem } from "./value-lists-api.ts";

interface ValueBody {
  code: string;
  labels: { nl: string; en: string; fr: string };
  sort: number;
}

export function ValueDialog({
  list,
  editing,
  onClose,
  onSaved,
}: {
  list: ValueListName;
  editing: Editing<ValueItem>;
  onClose: () => void;
  onSaved: (v: ValueItem) => void;
}) {
  const { t } = useTranslation();
  const row = editing.mode === "edit" ? editing.row : null;
  const save = useSaving(
    ({ code, ...body }: ValueBody) =>
      row
        ? api.patch<ValueItem>(`/api/v1/value-lists/${row.list}/${row.code}`, body)
        : api.post<ValueItem>(`/api/v1/value-lists/${list}`, { code, ...body }),
    ["value-lists"],
  );
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
    try {
      onSaved(
        await save.mutateAsync({
          code: get("code"),
          labels: { nl: get("nl"), en: get("en"), fr: get("fr") },
          sort: Number(get("sort") || 100),
        }),
      );
      save.reset();
    } catch {
      // The form shows save.error.
    }
  };
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog
      open={editing.mode !== "closed"}
      title={row ? t("valueLists.editTitle") : `${t("valueLists.add")}: ${t(`valueLists.lists.${list}`, list)}`}
      onClose={close}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("valueLists.code")}
          hint={t("valueLists.codeHint")}
          name="code"
          defaultValue={row?.code}
          disabled={!!row}
          required
          pattern="[a-z0-9_]+"
          maxLength={60}
          error={errors.code}
        />
        <TextField
          label={t("language.nl")}
          lang="nl"
          name="nl"
          defaultValue={row?.labels.nl}
          required
          maxLength={120}
          error={errors.labels}
        />
        <TextField
          label={t("language.en")}
          lang="en"
          name="en"
          defaultValue={row?.labels.en}
          required
          maxLength={120}
        />
        <TextField
          label={t("language.fr")}
          lang="fr"
          name="fr"
          defaultValue={row?.labels.fr}
          required
          maxLength={120}
        />
        <TextField
          label={t("valueLists.sort")}
          name="sort"
          type="number"
          min={0}
          max={10000}
          defaultValue={row?.sort ?? 100}
          error={errors.sort}
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
