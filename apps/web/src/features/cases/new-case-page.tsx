// Opening a case from a complaint, on a phone: the address, the intake channel and the complaint
// (who complained is recorded apart and never shown on the family's side).

import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { CaseView, OpenCaseBody } from "@vindplaats/contracts";
import { COMPLAINT_SOURCES, COMPLAINT_THEMES, type ComplaintSource, type ComplaintTheme } from "@vindplaats/domain";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { membersQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Card, PageHeader } from "../../ui/misc.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { AddressFields, readAddress } from "./address-fields.tsx";
import { formText, todayInBrussels, useCaseSaving } from "./cases-api.ts";
import "./cases.css";

export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const values = useValueLabels();
  const { team } = useCurrentTeam();
  const members = useQuery({ ...membersQuery(team?.teamId ?? ""), enabled: !!team });
  const save = useCaseSaving((body: OpenCaseBody) => api.post<CaseView>("/api/v1/cases", body));
  const errors = useFieldErrors(save.error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!team) return;
    const form = new FormData(event.currentTarget);
    const name = formText(form, "complainantName");
    const contactInfo = formText(form, "complainantContact");
    const relation = formText(form, "complainantRelation");
    const body: OpenCaseBody = {
      teamId: team.teamId,
      ...readAddress(form),
      intakeChannel: formText(form, "intakeChannel") ?? "",
      summary: formText(form, "summary") ?? null,
      assigneeId: formText(form, "assigneeId") ?? null,
      complaint: {
        receivedOn: formText(form, "receivedOn") ?? "",
        theme: (formText(form, "theme") ?? "other") as ComplaintTheme,
        source: (formText(form, "source") ?? "other") as ComplaintSource,
        description: formText(form, "description") ?? null,
        complainant: relation
          ? { relation: relation as "neighbour", name: name ?? null, contactInfo: contactInfo ?? null }
          : null,
      },
    };
    try {
      const created = await save.mutateAsync(body);
      await navigate({ to: "/cases/$caseId", params: { caseId: created.id } });
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };

  return (
    <div className="stack narrow">
      <PageHeader title={t("cases.newTitle")} intro={t("cases.newIntro")} />
      <Card>
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={save.error} />
          <AddressFields errors={errors} />
          <SelectField
            label={t("cases.intakeChannel")}
            name="intakeChannel"
            placeholder={t("cases.chooseChannel")}
            options={values.options("intake_channel")}
            required
            error={errors.intakeChannel}
          />
          <fieldset className="field fieldset">
            <legend className="field-label">{t("cases.complaint.legend")}</legend>
            {errors.complaint ? <p className="field-error">{errors.complaint}</p> : null}
            <div className="stack-sm">
              <TextField
                label={t("cases.complaint.receivedOn")}
                name="receivedOn"
                type="date"
                defaultValue={todayInBrussels()}
                max={todayInBrussels()}
              />
              <SelectField
                label={t("cases.complaint.theme")}
                name="theme"
                defaultValue="waste"
                options={COMPLAINT_THEMES.map((v) => ({ value: v, label: t(`cases.theme.${v}`) }))}
              />
              <SelectField
                label={t("cases.complaint.source")}
                name="source"
                defaultValue="neighbour"
                options={COMPLAINT_SOURCES.map((v) => ({ value: v, label: t(`cases.source.${v}`) }))}
              />
              <TextAreaField label={t("cases.complaint.description")} name="description" maxLength={1000} rows={3} />
              <SelectField
                label={t("cases.complaint.complainant")}
                hint={t("cases.complaint.complainantHint")}
                name="complainantRelation"
                placeholder={t("cases.complaint.noComplainant")}
                options={(["neighbour", "landlord", "service", "other"] as const).map((v) => ({
                  value: v,
                  label: t(`cases.relation.${v}`),
                }))}
              />
              <TextField
                label={t("cases.complaint.complainantName")}
                name="complainantName"
                maxLength={120}
                autoComplete="off"
              />
              <TextField
                label={t("cases.complaint.complainantContact")}
                name="complainantContact"
                maxLength={200}
                autoComplete="off"
              />
            </div>
          </fieldset>
          <TextAreaField label={t("cases.summary")} name="summary" maxLength={1000} rows={2} error={errors.summary} />
          <SelectField
            label={t("cases.assignee")}
            name="assigneeId"
            placeholder={t("cases.shareOut")}
            options={(members.data ?? [])
              .filter((m) => m.isActive)
              .map((m) => ({ value: m.userId, label: m.displayName }))}
            error={errors.assigneeId}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={save.isPending}>
              {t("cases.open")}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
