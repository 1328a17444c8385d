import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Neighbourhood, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { TextAreaField, TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import type { Editing } from "../admin-ui.tsx";
import { formatGeometry, type Geometry, parseGeometry } from "./geometry.ts";

export function NeighbourhoodDialog({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing<Neighbourhood>;
  onClose: () => void;
  onSaved: (n: Neighbourhood) => void;
}) {
  const { t } = useTranslation();
  const row = editing.mode === "edit" ? editing.row : null;
  const [geometryError, setGeometryError] = useState("");
  const save = useSaving(
    (body: { name: string; geometry: Geometry | null }) =>
      row
        ? api.patch<Neighbourhood>(`/api/v1/neighbourhoods/${row.id}`, body)
        : api.post<Neighbourhood>("/api/v1/neighbourhoods", body),
    ["neighbourhoods", "places"],
  );
  const fieldErrors = useFieldErrors(save.error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = parseGeometry(String(form.get("geometry") ?? ""));
    setGeometryError(parsed.ok ? "" : t("admin.neighbourhoods.geometryInvalid"));
    if (!parsed.ok) return;
    try {
      onSaved(await save.mutateAsync({ name: String(form.get("name") ?? "").trim(), geometry: parsed.geometry }));
      save.reset();
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  const close = () => {
    save.reset();
    setGeometryError("");
    onClose();
  };

  return (
    <Dialog
      open={editing.mode !== "closed"}
      title={row ? t("admin.neighbourhoods.editTitle") : t("admin.neighbourhoods.add")}
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
        <TextAreaField
          label={t("admin.neighbourhoods.geometry")}
          name="geometry"
          defaultValue={formatGeometry(row?.geometry ?? null)}
          hint={t("admin.neighbourhoods.geometryHint")}
          error={geometryError || fieldErrors.geometry}
          spellCheck={false}
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
