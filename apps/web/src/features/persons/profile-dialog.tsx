// Editing the pseudonymous profile. The API keeps the history and refuses an edit of a profile that
// changed in the meantime (baseVersion), so two workers never overwrite each other unknowingly.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PersonView, UpdatePersonBody } from "@vindplaats/contracts";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { updatePerson } from "./persons-api.ts";

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
const orNull = (v: string) => v || null;

export function ProfileDialog({
  person,
  places,
  onClose,
}: {
  person: PersonView;
  places: Place[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: UpdatePersonBody) => updatePerson(person.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["persons"] }),
  });
  const errors = useFieldErrors(save.error);
  const hoods = [...new Map(places.map((p) => [p.neighbourhoodId, p.neighbourhoodName])).entries()];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const birthYear = text(form, "birthYear");
    const known = text(form, "knownToSocialService");
    try {
      await save.mutateAsync({
        baseVersion: person.version,
        nickname: text(form, "nickname"),
        description: orNull(text(form, "description")),
        ageBand: orNull(text(form, "ageBand")),
        gender: orNull(text(form, "gender")),
        birthYear: birthYear ? Number(birthYear) : null,
        languages: form.getAll("languages").map(String),
        nationality: orNull(text(form, "nationality")),
        usualPlaceId: orNull(text(form, "usualPlaceId")),
        usualNeighbourhoodId: orNull(text(form, "usualNeighbourhoodId")),
        knownToSocialService: known ? known === "yes" : null,
      });
      onClose();
    } catch {
      // The form shows save.error.
    }
  };
  const choose = t("persons.notKnown");
  return (
    <Dialog open title={t("persons.editProfile")} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("persons.fields.nickname")}
          name="nickname"
          defaultValue={person.nickname}
          required
          maxLength={80}
          error={errors.nickname}
        />
        <TextAreaField
          label={t("persons.fields.description")}
          hint={t("persons.descriptionHint")}
          name="description"
          className="note-input"
          rows={2}
          maxLength={500}
          defaultValue={person.description ?? ""}
          error={errors.description}
        />
        <SelectField
          label={t("persons.fields.ageBand")}
          name="ageBand"
          defaultValue={person.ageBand ?? ""}
          placeholder={choose}
          options={values.options("age_band")}
          error={errors.ageBand}
        />
        <SelectField
          label={t("persons.fields.gender")}
          name="gender"
          defaultValue={person.gender ?? ""}
          placeholder={choose}
          options={values.options("gender")}
          error={errors.gender}
        />
        <TextField
          label={t("persons.fields.birthYear")}
          name="birthYear"
          type="number"
          inputMode="numeric"
          min={1900}
          max={2100}
          defaultValue={person.birthYear ?? ""}
          error={errors.birthYear}
        />
        <CheckboxGroup
          legend={t("persons.fields.languages")}
          name="languages"
          options={values.options("language")}
          defaultValue={person.languages}
        />
        <SelectField
          label={t("persons.fields.nationality")}
          name="nationality"
          defaultValue={person.nationality ?? ""}
          placeholder={choose}
          options={values.options("nationality")}
          error={errors.nationality}
        />
        <SelectField
          label={t("persons.fields.usualPlace")}
          name="usualPlaceId"
          defaultValue={person.usualPlaceId ?? ""}
          placeholder={choose}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.neighbourhoodName})` }))}
          error={errors.usualPlaceId}
        />
        <SelectField
          label={t("persons.fields.usualNeighbourhood")}
          name="usualNeighbourhoodId"
          defaultValue={person.usualNeighbourhoodId ?? ""}
          placeholder={choose}
          options={hoods.map(([value, label]) => ({ value, label }))}
          error={errors.usualNeighbourhoodId}
        />
        <SelectField
          label={t("persons.fields.knownToSocialService")}
          name="knownToSocialService"
          defaultValue={person.knownToSocialService === null ? "" : person.knownToSocialService ? "yes" : "no"}
          placeholder={choose}
          options={[
            { value: "yes", label: t("persons.yes") },
            { value: "no", label: t("persons.no") },
          ]}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("admin.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
