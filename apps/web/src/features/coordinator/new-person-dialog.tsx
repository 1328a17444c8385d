// Registering a person by nickname outside a contact (e.g. a family announced by a partner). Likely
// duplicates are shown while typing, through the same hints as on the phone.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { uuidv7 } from "@vindplaats/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { DuplicateHints } from "../persons/duplicate-hints.tsx";
import { submitPerson } from "../register/submit.ts";
import { useDebounced } from "../register/use-debounced.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";

export function NewPersonDialog({
  teamId,
  initial,
  onClose,
}: {
  teamId: string;
  initial: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: hoods } = useSuspenseQuery(neighbourhoodsQuery());
  const [id] = useState(uuidv7);
  const [form, setForm] = useState({
    nickname: initial,
    description: "",
    ageBand: "",
    gender: "",
    neighbourhoodId: "",
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const nickname = useDebounced(form.nickname.trim(), 300);
  const save = useMutation({
    mutationFn: () =>
      submitPerson({
        id,
        teamId,
        nickname: form.nickname.trim(),
        description: form.description.trim() || null,
        ageBand: form.ageBand || null,
        gender: form.gender || null,
        usualNeighbourhoodId: form.neighbourhoodId || null,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["persons"] }),
  });
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const person = await save.mutateAsync();
      void navigate({ to: "/persons/$personId", params: { personId: person.id } });
    } catch {
      // The form shows save.error.
    }
  };
  const open = (personId: string) => void navigate({ to: "/persons/$personId", params: { personId } });
  return (
    <Dialog open title={t("persons.list.add")} description={t("persons.list.addIntro")} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("persons.fields.nickname")}
          required
          maxLength={80}
          value={form.nickname}
          onChange={(e) => set({ nickname: e.target.value })}
          error={errors.nickname}
        />
        <SelectField
          label={t("persons.fields.usualNeighbourhood")}
          value={form.neighbourhoodId}
          onChange={(e) => set({ neighbourhoodId: e.target.value })}
          placeholder={t("persons.notKnown")}
          options={hoods.map((n) => ({ value: n.id, label: n.name }))}
          error={errors.usualNeighbourhoodId}
        />
        <DuplicateHints
          nickname={nickname}
          neighbourhoodId={form.neighbourhoodId || null}
          onChoose={(p) => open(p.id)}
        />
        <TextAreaField
          label={t("persons.fields.description")}
          hint={t("persons.descriptionHint")}
          className="note-input"
          rows={2}
          maxLength={500}
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
        <SelectField
          label={t("persons.fields.ageBand")}
          value={form.ageBand}
          onChange={(e) => set({ ageBand: e.target.value })}
          placeholder={t("persons.notKnown")}
          options={values.options("age_band")}
        />
        <SelectField
          label={t("persons.fields.gender")}
          value={form.gender}
          onChange={(e) => set({ gender: e.target.value })}
          placeholder={t("persons.notKnown")}
          options={values.options("gender")}
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
