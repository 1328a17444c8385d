import type { Locale } from "@vindplaats/contracts";
import { ORG_ROLES, type OrgRole } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type User, useSaving } from "../../../api/org.ts";
import { LOCALES } from "../../../i18n/index.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { CheckboxGroup, SelectField, TextField } from "../../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../../ui/form-error.tsx";
import type { Editing } from "../admin-ui.tsx";

interface UserBody {
  displayName: string;
  orgRoles: OrgRole[];
  locale: Locale;
  email?: string;
  password?: string;
}

export function UserDialog({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing<User>;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const row = editing.mode === "edit" ? editing.row : null;
  const save = useSaving(
    (body: UserBody) =>
      row ? api.patch<User>(`/api/v1/users/${row.id}`, body) : api.post<User>("/api/v1/users", body),
    ["users"],
  );
  const fieldErrors = useFieldErrors(save.error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: UserBody = {
      displayName: String(form.get("displayName") ?? "").trim(),
      orgRoles: form.getAll("orgRoles").map(String) as OrgRole[],
      locale: String(form.get("locale") ?? "nl") as Locale,
    };
    if (!row) {
      body.email = String(form.get("email") ?? "").trim();
      body.password = String(form.get("password") ?? "");
    }
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
      title={row ? t("admin.users.editTitle") : t("admin.users.add")}
      onClose={close}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("admin.users.displayName")}
          name="displayName"
          defaultValue={row?.displayName}
          autoComplete="off"
          required
          error={fieldErrors.displayName}
        />
        {row ? null : (
          <>
            <TextField
              label={t("admin.users.email")}
              name="email"
              type="email"
              autoComplete="off"
              required
              error={fieldErrors.email}
            />
            <TextField
              label={t("admin.users.password")}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint={t("admin.users.passwordHint")}
              error={fieldErrors.password}
            />
          </>
        )}
        <CheckboxGroup
          legend={t("admin.users.orgRoles")}
          hint={t("admin.users.orgRolesHint")}
          name="orgRoles"
          options={ORG_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          defaultValue={row?.orgRoles ?? []}
        />
        <SelectField
          label={t("admin.users.locale")}
          name="locale"
          defaultValue={row?.locale ?? "nl"}
          options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
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
