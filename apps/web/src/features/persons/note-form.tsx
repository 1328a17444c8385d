// A protected note on the person, for the current team. Short and factual; it is shown only to
// those who may read notes, and every read of the person page is recorded.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { addPersonNote } from "./persons-api.ts";

export function NoteForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { team } = useCurrentTeam();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const save = useMutation({
    mutationFn: (text: string) => addPersonNote(personId, { teamId: team?.teamId ?? "", body: text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["persons", "page", personId] }),
  });
  const errors = useFieldErrors(save.error);
  if (!team) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync(body);
      setBody("");
    } catch {
      // The form shows save.error.
    }
  };
  return (
    <form className="form note-form" onSubmit={submit} noValidate>
      <FormError error={save.error} />
      <TextAreaField
        label={t("persons.addNote")}
        hint={t("register.noteHint")}
        className="note-input"
        rows={2}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
      />
      <div className="form-actions">
        <Button type="submit" size="sm" variant="primary" busy={save.isPending} disabled={!body.trim()}>
          {t("persons.saveNote")}
        </Button>
      </div>
    </form>
  );
}
