// The register-contact form, top to bottom in the order a street worker thinks: when, where, who,
// what it was about, referrals, the Quick Scan, a note and a follow-up. Save stays in thumb reach.
import { uuidv7 } from "@vindplaats/domain";
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Place } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { ChipGroup } from "../contacts/chips.tsx";
import { useQuickScanOptions } from "../contacts/vocabulary.ts";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import type { ContactDraft } from "./contact-draft.ts";
import { GroupSection } from "./group-section.tsx";
import { HeadCount } from "./head-count.tsx";
import { PersonPicker } from "./person-picker.tsx";
import { PlacePicker } from "./place-picker.tsx";
import { Referrals } from "./referrals.tsx";
import { sectionInvalid } from "./register-errors.ts";
import { WhenSection } from "./when-section.tsx";

export interface ContactFormProps {
  draft: ContactDraft;
  set: (patch: Partial<ContactDraft>) => void;
  teamId: string;
  places: Place[];
  recent: string[];
  errors: Record<string, string>;
  error: unknown;
  busy: boolean;
  onSubmit: () => void;
}

export function ContactForm({ draft, set, teamId, places, recent, errors, error, busy, onSubmit }: ContactFormProps) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const scan = useQuickScanOptions();
  const id = useId();
  const place = places.find((p) => p.id === draft.placeId) ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="reg-form" onSubmit={submit} noValidate>
      <WhenSection
        date={draft.date}
        time={draft.time}
        durationMinutes={draft.durationMinutes}
        onChange={set}
        errors={errors}
      />
      <section className="reg-section" aria-labelledby={`${id}-place`} data-invalid={sectionInvalid(errors, "place")}>
        <h2 className="section-title" id={`${id}-place`}>
          {t("register.place.title")}
        </h2>
        {place ? (
          <div className="chosen-row chosen-place">
            <span className="chosen-name">
              {place.name}
              <span className="place-sub">{place.neighbourhoodName}</span>
            </span>
            <Button size="sm" onClick={() => set({ placeId: null })}>
              {t("register.place.change")}
            </Button>
          </div>
        ) : (
          <PlacePicker places={places} recent={recent} onPick={(p) => set({ placeId: p.id })} />
        )}
        {errors.placeId || errors.neighbourhoodId ? (
          <p className="field-error">{errors.placeId ?? errors.neighbourhoodId}</p>
        ) : null}
      </section>
      <section className="reg-section" aria-labelledby={`${id}-who`} data-invalid={sectionInvalid(errors, "who")}>
        <h2 className="section-title" id={`${id}-who`}>
          {draft.mode === "group" ? t("register.group.title") : t("register.who")}
        </h2>
        {draft.mode === "group" ? (
          <GroupSection groupId={draft.groupId} persons={draft.persons} onChange={set} error={errors.groupId} />
        ) : null}
        <PersonPicker
          teamId={teamId}
          neighbourhoodId={place?.neighbourhoodId ?? null}
          persons={draft.persons}
          onChange={(persons) => set({ persons })}
          error={errors.personIds ?? errors.newPersons}
        />
        <HeadCount
          rows={draft.headCounts}
          onChange={(headCounts) => set({ headCounts })}
          legend={draft.mode === "group" ? t("register.group.unknown") : undefined}
          error={errors.anonymous}
        />
      </section>
      <section className="reg-section" aria-labelledby={`${id}-about`} data-invalid={sectionInvalid(errors, "about")}>
        <h2 className="section-title" id={`${id}-about`}>
          {t("register.about")}
        </h2>
        <ChipGroup
          legend={t("register.lifeDomains")}
          hint={values.active("life_domain").length ? undefined : t("register.noValues")}
          options={values.options("life_domain")}
          value={draft.lifeDomains}
          onChange={(lifeDomains) => set({ lifeDomains })}
          error={errors.lifeDomains}
        />
        <Referrals referrals={draft.referrals} onChange={(referrals) => set({ referrals })} error={errors.referrals} />
      </section>
      <section className="reg-section" aria-labelledby={`${id}-scan`} data-invalid={sectionInvalid(errors, "scan")}>
        <h2 className="section-title" id={`${id}-scan`}>
          {t("quickScan.title")}
        </h2>
        <ChipGroup
          legend={t("quickScan.cameAboutLabel")}
          options={scan.cameAbout}
          value={draft.cameAbout}
          onChange={(cameAbout) => set({ cameAbout })}
          error={errors.cameAbout}
        />
        <ChipGroup
          legend={t("quickScan.workingRelationshipLabel")}
          options={scan.workingRelationship}
          value={draft.workingRelationship}
          onChange={(workingRelationship) => set({ workingRelationship })}
          error={errors.workingRelationship}
        />
        <ChipGroup
          legend={t("quickScan.actionsLabel")}
          options={scan.actions}
          value={draft.actions}
          onChange={(actions) => set({ actions })}
          error={errors.actions}
        />
      </section>
      <section className="reg-section" aria-labelledby={`${id}-note`} data-invalid={sectionInvalid(errors, "note")}>
        <h2 className="section-title visually-hidden" id={`${id}-note`}>
          {t("register.note")}
        </h2>
        <TextAreaField
          label={t("register.note")}
          hint={t("register.noteHint")}
          className="note-input"
          maxLength={2000}
          rows={3}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={errors.note}
        />
        <details className="follow-up" open={!!draft.followUp || !!errors.followUp || !!errors.followUpDue}>
          <summary>{t("register.followUp.title")}</summary>
          <div className="stack-sm">
            <TextField
              label={t("register.followUp.what")}
              maxLength={200}
              value={draft.followUp?.title ?? ""}
              onChange={(e) =>
                set({
                  followUp: { id: draft.followUp?.id ?? uuidv7(), dueOn: "", ...draft.followUp, title: e.target.value },
                })
              }
              error={errors.followUp}
            />
            <TextField
              label={t("register.followUp.due")}
              type="date"
              min={draft.date}
              error={errors.followUpDue}
              value={draft.followUp?.dueOn ?? ""}
              onChange={(e) =>
                set({
                  followUp: { id: draft.followUp?.id ?? uuidv7(), title: "", ...draft.followUp, dueOn: e.target.value },
                })
              }
            />
          </div>
        </details>
      </section>
      <div className="save-bar">
        <FormError error={error} />
        <Button type="submit" variant="primary" busy={busy} className="save-button">
          {busy ? t("register.saving") : t("register.save")}
        </Button>
      </div>
    </form>
  );
}
