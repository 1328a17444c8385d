// Correcting a contact within the team: change what was wrong, say why. Only changed fields are
// sent, with the version that was read, so a parallel correction is refused instead of overwritten.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CorrectContactBody } from "@vindplaats/contracts";
import {
  brusselsDay,
  brusselsToInstant,
  type CameAbout,
  type ContactAction,
  type WorkingRelationship,
} from "@vindplaats/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { ChipGroup } from "./chips.tsx";
import { type ContactView, correctContact } from "./contacts-api.ts";
import { useQuickScanOptions } from "./vocabulary.ts";

const clock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Brussels",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function CorrectDialog({
  contact,
  places,
  onClose,
}: {
  contact: ContactView;
  places: Place[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const scan = useQuickScanOptions();
  const queryClient = useQueryClient();
  const start = new Date(contact.startedAt);
  const [form, setForm] = useState({
    date: brusselsDay(start),
    time: clock.format(start),
    durationMinutes: String(contact.durationMinutes),
    placeId: contact.placeId ?? "",
    lifeDomains: contact.lifeDomains,
    cameAbout: contact.cameAbout as CameAbout[],
    workingRelationship: contact.workingRelationship as WorkingRelationship[],
    actions: contact.actions as ContactAction[],
    note: contact.note ?? "",
    reason: "",
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const save = useMutation({
    mutationFn: (body: CorrectContactBody) => correctContact(contact.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["contacts"] }),
  });
  const errors = useFieldErrors(save.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: CorrectContactBody = { reason: form.reason, baseVersion: contact.version };
    const startedAt = brusselsToInstant(form.date, form.time).toISOString();
    if (startedAt !== start.toISOString()) body.startedAt = startedAt;
    if (Number(form.durationMinutes) !== contact.durationMinutes) body.durationMinutes = Number(form.durationMinutes);
    if (form.placeId && form.placeId !== contact.placeId) body.placeId = form.placeId;
    for (const key of ["lifeDomains", "cameAbout", "workingRelationship", "actions"] as const) {
      if (!same(form[key], contact[key])) Object.assign(body, { [key]: form[key] });
    }
    if (form.note.trim() !== (contact.note ?? "")) body.note = form.note.trim() || null;
    try {
      await save.mutateAsync(body);
      onClose();
    } catch {
      // The form shows save.error.
    }
  };

  return (
    <Dialog open title={t("contacts.correct.title")} description={t("contacts.correct.intro")} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <div className="when-row">
          <TextField
            label={t("register.when.date")}
            type="date"
            value={form.date}
            onChange={(e) => set({ date: e.target.value })}
            error={errors.startedAt}
          />
          <TextField
            label={t("register.when.time")}
            type="time"
            value={form.time}
            onChange={(e) => set({ time: e.target.value })}
          />
        </div>
        <TextField
          label={t("contacts.fields.durationMinutes")}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={form.durationMinutes}
          onChange={(e) => set({ durationMinutes: e.target.value })}
          error={errors.durationMinutes}
        />
        <SelectField
          label={t("contacts.fields.place")}
          value={form.placeId}
          onChange={(e) => set({ placeId: e.target.value })}
          placeholder={contact.placeId ? undefined : t("contacts.noPlace")}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.neighbourhoodName})` }))}
          error={errors.placeId}
        />
        <ChipGroup
          legend={t("register.lifeDomains")}
          options={values.options("life_domain")}
          value={form.lifeDomains}
          onChange={(lifeDomains) => set({ lifeDomains })}
          error={errors.lifeDomains}
        />
        <ChipGroup
          legend={t("quickScan.cameAboutLabel")}
          options={scan.cameAbout}
          value={form.cameAbout}
          onChange={(cameAbout) => set({ cameAbout })}
        />
        <ChipGroup
          legend={t("quickScan.workingRelationshipLabel")}
          options={scan.workingRelationship}
          value={form.workingRelationship}
          onChange={(workingRelationship) => set({ workingRelationship })}
        />
        <ChipGroup
          legend={t("quickScan.actionsLabel")}
          options={scan.actions}
          value={form.actions}
          onChange={(actions) => set({ actions })}
        />
        <TextAreaField
          label={t("register.note")}
          className="note-input"
          rows={3}
          maxLength={2000}
          value={form.note}
          onChange={(e) => set({ note: e.target.value })}
          error={errors.note}
        />
        <TextAreaField
          label={t("contacts.reason")}
          hint={t("contacts.correct.reasonHint")}
          className="note-input"
          rows={2}
          required
          maxLength={500}
          value={form.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={errors.reason}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("contacts.correct.confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
