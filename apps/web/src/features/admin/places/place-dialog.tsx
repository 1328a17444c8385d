import { PLACE_KINDS, type PlaceKind } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Neighbourhood, type Place, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import type { Editing } from "../admin-ui.tsx";

interface PlaceBody {
  name: string;
  neighbourhoodId: string;
  kind: PlaceKind;
}

export function PlaceDialog({
  editing,
  neighbourhoods,
  onClose,
  onSaved,
}: {
  editing: Editing<Place>;
  neighbourhoods: Neighbourhood[];
  onClose: () => void;
  onSaved: (place: Place) => void;
}) {
  const { t } = useTranslation();
  const row = editing.mode === "edit" ? editing.row : null;
  const save = useSaving(
    (body: PlaceBody) =>
      row ? api.patch<Place>(`/api/v1/places/${row.id}`, body) : api.post<Place>("/api/v1/places", body),
    ["places"],
  );
  const fieldErrors = useFieldErrors(save.error);
  const options = neighbourhoods
    .filter((n) => n.isActive || n.id === row?.neighbourhoodId)
    .map((n) => ({ value: n.id, label: n.name }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? "").trim(),
      neighbourhoodId: String(form.get("neighbourhoodId") ?? ""),
      kind: String(form.get("kind") ?? "public") as PlaceKind,
    };
    try {
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
      title={row ? t("admin.places.editTitle") : t("admin.places.add")}
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
          label={t("admin.places.neighbourhood")}
          name="neighbourhoodId"
          defaultValue={row?.neighbourhoodId ?? ""}
          placeholder={t("admin.places.chooseNeighbourhood")}
          options={options}
          required
          error={fieldErrors.neighbourhoodId}
        />
        <SelectField
          label={t("admin.places.kind")}
          name="kind"
          defaultValue={row?.kind ?? "public"}
          options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
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
