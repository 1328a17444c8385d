// The person route's error screen. The API answers 404 for a record outside one's scope (it does
// not say whether it exists); a team member may then open it in an emergency, with a written
// reason, for a limited time, flagged to the coordinator and the DPO. Other errors show as usual.
import { useQueryClient } from "@tanstack/react-query";
import { type ErrorComponentProps, Link, useParams } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Banner, Card, ErrorState, PageHeader } from "../../ui/misc.tsx";
import { useSession } from "../auth/session.ts";
import { canWorkWithPersons } from "./secrecy-access.ts";
import { BREAK_GLASS_MINUTES, openBreakGlass } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "./secrecy.css";

export function PersonUnavailable({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const session = useSession();
  if (!(error instanceof ApiError && error.status === 404)) return <ErrorState error={error} onRetry={reset} />;
  return (
    <div className="stack">
      <PageHeader title={t("secrecy.glass.unavailableTitle")} intro={t("secrecy.glass.unavailableBody")} />
      {canWorkWithPersons(session) ? <BreakGlassForm onGranted={reset} /> : null}
      <p>
        <Link to="/persons">{t("nav.persons")}</Link>
      </p>
    </div>
  );
}

function BreakGlassForm({ onGranted }: { onGranted: () => void }) {
  const { t } = useTranslation();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    setBusy(true);
    try {
      const granted = await openBreakGlass(personId, reason);
      queryClient.setQueryData(["break-glass", "mine", personId], { active: granted });
      queryClient.removeQueries({ queryKey: ["persons", "page", personId] });
      onGranted();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <Card aria-labelledby="glass-title">
      <div className="card-head">
        <h2 id="glass-title">{t("secrecy.glass.title")}</h2>
      </div>
      <form className="form secrecy-form" onSubmit={submit} noValidate>
        <Banner tone="danger" role="note">
          {t("secrecy.glass.warning", { minutes: BREAK_GLASS_MINUTES })}
        </Banner>
        <FormError error={error} />
        <TextAreaField
          label={t("secrecy.glass.reason")}
          hint={t("secrecy.glass.reasonHint")}
          name="reason"
          required
          minLength={20}
          maxLength={2000}
          rows={3}
          error={errors.reason}
        />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={busy}>
            {t("secrecy.glass.open")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
