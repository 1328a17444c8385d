// Sharing a person's record: with whom (another team or a partner), which field classes, and on
// which recorded basis: the person's consent, or shared professional secrecy when all three
// conditions hold and are justified in writing. The API checks everything again.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, translateKey } from "../../api/problem.ts";
import { isLocale } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { todayInBrussels } from "./format.ts";
import { FIELD_CLASSES, type FieldClass, recipientsQuery, type ShareBody, useSharePerson } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";

const CONDITIONS = ["sameMission", "inPersonsInterest", "necessary"] as const;

/** One message per full field path (`basis.givenOn`), for nested inputs. */
function useNestedFieldErrors(error: unknown): Record<string, string> {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";
  const out: Record<string, string> = {};
  if (error instanceof ApiError) for (const f of error.fields) out[f.field] ??= translateKey(locale, f.key) ?? f.key;
  return out;
}

export function ShareDialog({
  personId,
  nickname,
  onClose,
  onShared,
}: {
  personId: string;
  nickname: string;
  onClose: () => void;
  onShared: (recipient: string) => void;
}) {
  const { t } = useTranslation();
  const recipients = useQuery(recipientsQuery());
  const save = useSharePerson(personId);
  const errors = useNestedFieldErrors(save.error);
  const [kind, setKind] = useState<"team" | "partner">("team");
  const [basis, setBasis] = useState<"consent" | "shared_secrecy">("consent");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const ids = { kind: useId(), basis: useId(), classes: useId(), conditions: useId() };
  const options =
    kind === "team"
      ? (recipients.data?.teams ?? []).map((r) => ({ value: r.id, label: r.name }))
      : (recipients.data?.partners ?? []).map((r) => ({ value: r.id, label: r.displayName }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    const recipientId = text("recipientId");
    const fieldClasses = form.getAll("fieldClasses").map(String) as FieldClass[];
    const found: Record<string, string> = {};
    if (!recipientId) found.recipientId = t("secrecy.share.chooseRecipient");
    if (!fieldClasses.length) found.fieldClasses = t("secrecy.share.classesHint");
    if (basis === "shared_secrecy" && CONDITIONS.some((c) => form.get(c) !== "on"))
      found.conditions = t("secrecy.share.allConditions");
    setProblems(found);
    if (Object.keys(found).length) return;
    const expiresOn = text("expiresOn");
    const body: ShareBody = {
      ...(kind === "team" ? { toTeamId: recipientId } : { toUserId: recipientId }),
      fieldClasses,
      basis:
        basis === "consent"
          ? {
              kind: "consent",
              givenOn: text("givenOn"),
              scope: text("scope"),
              how: text("how") as "verbal" | "written" | "digital",
              ...(expiresOn ? { expiresOn } : {}),
            }
          : {
              kind: "shared_secrecy",
              sameMission: true,
              inPersonsInterest: true,
              necessary: true,
              justification: text("justification"),
              ...(expiresOn ? { expiresOn } : {}),
            },
    };
    try {
      await save.mutateAsync(body);
      onShared(options.find((o) => o.value === recipientId)?.label ?? "");
    } catch {
      // The form shows save.error.
    }
  };

  return (
    <Dialog
      open
      title={t("secrecy.share.dialogTitle", { nickname })}
      description={t("secrecy.share.dialogIntro")}
      onClose={onClose}
    >
      <form className="form secrecy-form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <fieldset className="field fieldset">
          <legend className="field-label" id={ids.kind}>
            {t("secrecy.share.recipientKind")}
          </legend>
          <div className="checks">
            {(["team", "partner"] as const).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`secrecy.share.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          key={kind}
          label={t(kind === "team" ? "secrecy.share.chooseTeam" : "secrecy.share.choosePartner")}
          name="recipientId"
          placeholder={t("secrecy.share.choose")}
          options={options}
          hint={recipients.isSuccess && !options.length ? t("secrecy.share.noRecipients") : undefined}
          error={problems.recipientId ?? errors.toTeamId ?? errors.toUserId}
        />
        <fieldset className="field fieldset" aria-describedby={`${ids.classes}-hint`}>
          <legend className="field-label">{t("secrecy.share.classes")}</legend>
          <p className="field-hint" id={`${ids.classes}-hint`}>
            {t("secrecy.share.classesHint")}
          </p>
          <div className="share-classes">
            {FIELD_CLASSES.map((c) => (
              <label key={c} className="share-class">
                <input type="checkbox" name="fieldClasses" value={c} defaultChecked={c === "profile"} />
                <span>
                  <strong>{t(`secrecy.fieldClass.${c}`)}</strong>
                  <span className="cell-sub">{t(`secrecy.fieldClassHint.${c}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {problems.fieldClasses ? <p className="field-error">{problems.fieldClasses}</p> : null}
        </fieldset>
        <fieldset className="field fieldset">
          <legend className="field-label" id={ids.basis}>
            {t("secrecy.share.basis")}
          </legend>
          <div className="checks">
            {(["consent", "shared_secrecy"] as const).map((b) => (
              <label key={b} className="check">
                <input type="radio" name="basis" checked={basis === b} onChange={() => setBasis(b)} />
                <span>{t(b === "consent" ? "secrecy.share.consent" : "secrecy.share.sharedSecrecy")}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {basis === "consent" ? (
          <>
            <TextField
              label={t("secrecy.share.givenOn")}
              name="givenOn"
              type="date"
              required
              max={todayInBrussels()}
              defaultValue={todayInBrussels()}
              error={errors["basis.givenOn"]}
            />
            <TextAreaField
              label={t("secrecy.share.scope")}
              hint={t("secrecy.share.scopeHint")}
              name="scope"
              required
              rows={2}
              maxLength={500}
              error={errors["basis.scope"]}
            />
            <SelectField
              label={t("secrecy.share.how")}
              name="how"
              required
              placeholder={t("secrecy.share.choose")}
              options={(["verbal", "written", "digital"] as const).map((h) => ({
                value: h,
                label: t(`secrecy.share.howOption.${h}`),
              }))}
              error={errors["basis.how"]}
            />
          </>
        ) : (
          <>
            <fieldset className="field fieldset" aria-describedby={`${ids.conditions}-hint`}>
              <legend className="field-label">{t("secrecy.share.sharedSecrecy")}</legend>
              <p className="field-hint" id={`${ids.conditions}-hint`}>
                {t("secrecy.share.secrecyIntro")}
              </p>
              <div className="checks checks-column">
                {CONDITIONS.map((c) => (
                  <label key={c} className="check">
                    <input type="checkbox" name={c} />
                    <span>{t(`secrecy.share.${c}`)}</span>
                  </label>
                ))}
              </div>
              {problems.conditions ? <p className="field-error">{problems.conditions}</p> : null}
            </fieldset>
            <TextAreaField
              label={t("secrecy.share.justification")}
              hint={t("secrecy.share.justificationHint")}
              name="justification"
              required
              rows={3}
              maxLength={2000}
              error={errors["basis.justification"]}
            />
          </>
        )}
        <TextField
          label={t("secrecy.share.expiresOn")}
          hint={t("secrecy.share.expiresHint")}
          name="expiresOn"
          type="date"
          min={todayInBrussels()}
          error={errors["basis.expiresOn"]}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("secrecy.share.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
