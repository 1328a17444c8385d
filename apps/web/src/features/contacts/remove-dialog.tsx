// Removing a contact is a correction with a reason: it leaves the lists and counts, stays in history.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { type ContactView, removeContact } from "./contacts-api.ts";

export function RemoveDialog({ contact, onClose }: { contact: ContactView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const remove = useMutation({
    mutationFn: () => removeContact(contact.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["contacts"] }),
  });
  const errors = useFieldErrors(remove.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await remove.mutateAsync();
      onClose();
    } catch {
      // The form shows remove.error.
    }
  };
  return (
    <Dialog open title={t("contacts.remove.title")} description={t("contacts.remove.intro")} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={remove.error} />
        <TextAreaField
          label={t("contacts.reason")}
          className="note-input"
          rows={2}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="danger" busy={remove.isPending}>
            {t("contacts.remove.confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
