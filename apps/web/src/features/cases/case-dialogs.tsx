// The steps taken from a case page, each in a dialog: a home visit, a complaint, a move, closing.

import { useNavigate } from "@tanstack/react-router";
import type { CaseView } from "@vindplaats/contracts";
import { CASE_CLOSE_REASONS, COMPLAINT_SOURCES, COMPLAINT_THEMES } from "@vindplaats/domain";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { AddressFields, readAddress } from "./address-fields.tsx";
import { formText, todayInBrussels, useCaseSaving } from "./cases-api.ts";

interface StepProps {
  open: boolean;
  caseId: string;
  onClose: () => void;
}

/** A dialog with a form that posts `body(form)` and closes (or goes on) when the API accepts it. */
function StepDialog<T>({
  open,
  title,
  description,
  submitLabel,
  send,
  onClose,
  onDone,
  children,
}: {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  send: (form: FormData) => Promise<T>;
  onClose: () => void;
  onDone?: (result: T) => void | Promise<void>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const { t } = useTranslation();
  const save = useCaseSaving(send);
  const errors = useFieldErrors(save.error);
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const result = await save.mutateAsync(new FormData(event.currentTarget));
      save.reset();
      onClose();
      await onDone?.(result);
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };
  return (
    <Dialog open={open} title={title} onClose={close} {...(description ? { description } : {})}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        {children(errors)}
        <div className="form-actions">
          <Button onClick={close}>{t("cases.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

export function VisitDialog({ open, caseId, onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <StepDialog
      open={open}
      title={t("cases.visit.title")}
      submitLabel={t("cases.visit.save")}
      onClose={onClose}
      send={(form) => {
        const when = formText(form, "startedAt");
        return api.post(`/api/v1/cases/${caseId}/visits`, {
          startedAt: when ? new Date(when).toISOString() : undefined,
          durationMinutes: Number(formText(form, "durationMinutes") ?? 30),
          peopleMet: Number(formText(form, "peopleMet") ?? 0),
          note: formText(form, "note") ?? null,
        });
      }}
    >
      {(errors) => (
        <>
          <TextField
            label={t("cases.visit.when")}
            name="startedAt"
            type="datetime-local"
            defaultValue={nowLocal()}
            error={errors.startedAt}
          />
          <TextField
            label={t("cases.visit.duration")}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            defaultValue={30}
            error={errors.durationMinutes}
          />
          <TextField
            label={t("cases.visit.peopleMet")}
            name="peopleMet"
            type="number"
            inputMode="numeric"
            min={0}
            max={500}
            defaultValue={1}
            error={errors.peopleMet ?? errors.personIds}
          />
          <TextAreaField label={t("cases.visit.note")} name="note" maxLength={2000} rows={3} error={errors.note} />
        </>
      )}
    </StepDialog>
  );
}

export function ComplaintDialog({ open, caseId, onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <StepDialog
      open={open}
      title={t("cases.complaint.add")}
      submitLabel={t("cases.complaint.add")}
      onClose={onClose}
      send={(form) =>
        api.post(`/api/v1/cases/${caseId}/complaints`, {
          receivedOn: formText(form, "receivedOn") ?? "",
          theme: formText(form, "theme"),
          source: formText(form, "source"),
          description: formText(form, "description") ?? null,
        })
      }
    >
      {(errors) => (
        <>
          <TextField
            label={t("cases.complaint.receivedOn")}
            name="receivedOn"
            type="date"
            defaultValue={todayInBrussels()}
            error={errors.receivedOn}
          />
          <SelectField
            label={t("cases.complaint.theme")}
            name="theme"
            options={COMPLAINT_THEMES.map((v) => ({ value: v, label: t(`cases.theme.${v}`) }))}
            error={errors.theme}
          />
          <SelectField
            label={t("cases.complaint.source")}
            name="source"
            options={COMPLAINT_SOURCES.map((v) => ({ value: v, label: t(`cases.source.${v}`) }))}
            error={errors.source}
          />
          <TextAreaField
            label={t("cases.complaint.description")}
            name="description"
            maxLength={1000}
            rows={3}
            error={errors.description}
          />
        </>
      )}
    </StepDialog>
  );
}

export function MoveDialog({ open, caseId, onClose }: StepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <StepDialog
      open={open}
      title={t("cases.move.title")}
      description={t("cases.move.intro")}
      submitLabel={t("cases.move.save")}
      onClose={onClose}
      send={(form) =>
        api.post<CaseView>(`/api/v1/cases/${caseId}/move`, {
          ...readAddress(form),
          on: formText(form, "on"),
          note: formText(form, "note") ?? null,
        })
      }
      onDone={(moved) => navigate({ to: "/cases/$caseId", params: { caseId: moved.id } })}
    >
      {(errors) => (
        <>
          <AddressFields errors={errors} />
          <TextField
            label={t("cases.move.on")}
            name="on"
            type="date"
            defaultValue={todayInBrussels()}
            error={errors.on}
          />
          <TextAreaField label={t("cases.close.note")} name="note" maxLength={1000} rows={2} error={errors.note} />
        </>
      )}
    </StepDialog>
  );
}

export function CloseDialog({ open, caseId, onClose }: StepProps) {
  const { t } = useTranslation();
  return (
    <StepDialog
      open={open}
      title={t("cases.close.title")}
      submitLabel={t("cases.close.save")}
      onClose={onClose}
      send={(form) =>
        api.post(`/api/v1/cases/${caseId}/close`, {
          reason: formText(form, "reason"),
          on: formText(form, "on"),
          note: formText(form, "note") ?? null,
        })
      }
    >
      {(errors) => (
        <>
          <SelectField
            label={t("cases.close.reason")}
            name="reason"
            defaultValue="nuisance_solved"
            options={CASE_CLOSE_REASONS.filter((r) => r !== "moved").map((r) => ({
              value: r,
              label: t(`cases.closeReason.${r}`),
            }))}
            error={errors.reason}
          />
          <TextField
            label={t("cases.close.on")}
            name="on"
            type="date"
            defaultValue={todayInBrussels()}
            error={errors.on}
          />
          <TextAreaField label={t("cases.close.note")} name="note" maxLength={1000} rows={2} error={errors.note} />
        </>
      )}
    </StepDialog>
  );
}
