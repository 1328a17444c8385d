// "Record identity": the deliberate step up the identity ladder, taken only when the person wants it
// and it is needed. The API checks the national register number and records who took the step, when.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { IdentifyPersonBody, PersonView } from "@vindplaats/contracts";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { identifyPerson } from "./persons-api.ts";

const orNull = (form: FormData, key: string) => String(form.get(key) ?? "").trim() || null;

export function IdentityDialog({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: IdentifyPersonBody) => identifyPerson(person.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["persons"] }),
  });
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await save.mutateAsync({
        fullName: String(form.get("fullName") ?? "").trim(),
        birthDate: orNull(form, "birthDate"),
        nationalRegisterNumber: orNull(form, "nationalRegisterNumber"),
        phone: orNull(form, "phone"),
        email: orNull(form, "email"),
      });
      onClose();
    } catch {
      // The form shows save.error.
    }
  };
  return (
    <Dialog
      open
      title={t("persons.identify.title")}
      description={t("persons.identify.intro", { nickname: person.nickname })}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("persons.identify.fullName")}
          name="fullName"
          required
          maxLength={200}
          autoComplete="off"
          error={errors.fullName}
        />
        <TextField label={t("persons.identify.birthDate")} name="birthDate" type="date" error={errors.birthDate} />
        <TextField
          label={t("persons.identify.nationalRegisterNumber")}
          hint={t("persons.identify.nrnHint")}
          name="nationalRegisterNumber"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          error={errors.nationalRegisterNumber}
        />
        <TextField
          label={t("persons.identify.phone")}
          name="phone"
          type="tel"
          maxLength={40}
          autoComplete="off"
          error={errors.phone}
        />
        <TextField
          label={t("persons.identify.email")}
          name="email"
          type="email"
          maxLength={254}
          autoComplete="off"
          error={errors.email}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("persons.identify.confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
