// The DPO's steps on a record, each in a dialog with the reason the audit trail keeps: rectify
// (only the fields that change), restrict, lift, anonymise and erase (with the lawfulness check).
import type { RectificationBody, SubjectOverview } from "@vindplaats/contracts";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { useSubjectStep } from "./subject-rights-api.ts";

export type Step = "rectify" | "restrict" | "lift" | "anonymise" | "erase";

const TITLES: Record<Step, string> = {
  rectify: "rectifyTitle",
  restrict: "restrictTitle",
  lift: "liftTitle",
  anonymise: "anonymiseTitle",
  erase: "eraseTitle",
};
const INTROS: Partial<Record<Step, string>> = {
  rectify: "rectifyIntro",
  restrict: "restrictIntro",
  anonymise: "anonymiseIntro",
  erase: "eraseIntro",
};

/** Text fields the DPO can rectify; identity fields only on an identified record. */
const TEXT_FIELDS = ["nickname", "description"] as const;
const IDENTITY_FIELDS = ["fullName", "birthDate", "nationalRegisterNumber", "phone", "email"] as const;

export function StepDialog({ step, data, onClose }: { step: Step; data: SubjectOverview; onClose: () => void }) {
  const { t } = useTranslation();
  const steps = useSubjectStep(data.person.id);
  const mutation = steps[step];
  const errors = useFieldErrors(mutation.error);
  const [lawful, setLawful] = useState(false);
  const identified = !!data.person.identity;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("reason") ?? "").trim();
    try {
      if (step === "rectify") await steps.rectify.mutateAsync(rectification(form, reason, identified));
      else if (step === "erase") await steps.erase.mutateAsync({ reason, lawful: true });
      else await steps[step].mutateAsync({ reason });
      onClose();
    } catch {
      // The mutation holds the problem; the form shows it.
    }
  };

  const intro = INTROS[step];
  return (
    <Dialog
      open
      title={t(`subjectRights.dialogs.${TITLES[step]}`)}
      description={intro ? t(`subjectRights.dialogs.${intro}`) : undefined}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={mutation.error} />
        {step === "rectify"
          ? [...TEXT_FIELDS, ...(identified ? IDENTITY_FIELDS : [])].map((f) => (
              <TextField
                key={f}
                name={f}
                label={t(`subjectRights.fields.${f}`)}
                placeholder={current(data, f) ?? ""}
                type={f === "birthDate" ? "date" : "text"}
                error={errors[f]}
                autoComplete="off"
              />
            ))
          : null}
        <TextAreaField
          name="reason"
          label={t("subjectRights.dialogs.reason")}
          hint={t("subjectRights.dialogs.reasonHint")}
          error={errors.reason}
          required
          rows={3}
        />
        {step === "erase" ? (
          <label className="check">
            <input type="checkbox" checked={lawful} onChange={(e) => setLawful(e.currentTarget.checked)} />{" "}
            {t("subjectRights.dialogs.lawful")}
          </label>
        ) : null}
        <div className="form-actions">
          <Button
            type="submit"
            variant={step === "anonymise" || step === "erase" ? "danger" : "primary"}
            busy={mutation.isPending}
            disabled={step === "erase" && !lawful}
          >
            {t("subjectRights.dialogs.confirm")}
          </Button>
          <Button onClick={onClose}>{t("subjectRights.dialogs.cancel")}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function current(data: SubjectOverview, field: string): string | null {
  const id = data.person.identity as Record<string, string | null> | null;
  const person = data.person as unknown as Record<string, string | null>;
  return (field in person ? person[field] : id?.[field]) ?? null;
}

/** Only the fields the DPO filled in change; the rest stays as it is. */
function rectification(form: FormData, reason: string, identified: boolean): RectificationBody {
  const body: Record<string, string> = {};
  for (const f of [...TEXT_FIELDS, ...(identified ? IDENTITY_FIELDS : [])]) {
    const v = String(form.get(f) ?? "").trim();
    if (v) body[f] = v;
  }
  return { reason, ...body } as RectificationBody;
}
