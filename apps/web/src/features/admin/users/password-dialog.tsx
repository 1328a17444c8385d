import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type User, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";

export function PasswordDialog({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaving((password: string) => api.post(`/api/v1/users/${user.id}/password`, { password }), []);
  const fieldErrors = useFieldErrors(save.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await save.mutateAsync(String(new FormData(event.currentTarget).get("password") ?? ""));
      onSaved();
    } catch {
      // shown by FormError
    }
  };
  return (
    <Dialog
      open
      title={t("admin.users.resetTitle", { name: user.displayName })}
      description={t("admin.users.resetHint")}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("admin.users.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("admin.users.passwordHint")}
          error={fieldErrors.password}
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
