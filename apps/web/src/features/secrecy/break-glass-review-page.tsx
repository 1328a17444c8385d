// Reviewing emergency accesses: coordinators see those of their teams' members, the DPO sees all.
// Each row shows who, when, until when and the written reason; marking it reviewed asks for a
// finding. The DPO can follow a row into the audit trail of that person.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextAreaField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Badge, Empty, ErrorState, Loading, PageHeader } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { useSession } from "../auth/session.ts";
import { formatDate, formatTime, formatWhen } from "./format.ts";
import { canReadAudit } from "./secrecy-access.ts";
import { type BreakGlass, breakGlassListQuery, useReviewBreakGlass } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "../cases/cases.css";
import "./secrecy.css";

export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [worker, setWorker] = useState("");
  const list = useQuery({ ...breakGlassListQuery(onlyOpen), placeholderData: keepPreviousData });
  const data = list.data ?? [];
  const workers = [...new Map(data.map((r) => [r.userId, r.userName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const rows = worker ? data.filter((r) => r.userId === worker) : data;
  return (
    <div className="stack">
      <PageHeader title={t("secrecy.review.title")} intro={t("secrecy.review.intro")} />
      <div className="share-row">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("cases.show")}</legend>
          {([true, false] as const).map((open) => (
            <button
              key={String(open)}
              type="button"
              className="segment"
              aria-pressed={onlyOpen === open}
              onClick={() => setOnlyOpen(open)}
            >
              {t(open ? "secrecy.review.open" : "secrecy.review.all")}
            </button>
          ))}
        </fieldset>
        <SelectField
          label={t("secrecy.review.worker")}
          value={worker}
          onChange={(e) => setWorker(e.target.value)}
          placeholder={t("secrecy.review.everyone")}
          options={workers.map(([value, label]) => ({ value, label }))}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && !rows.length ? <Empty>{t("secrecy.review.empty")}</Empty> : null}
      {rows.length ? <ReviewTable rows={rows} /> : null}
    </div>
  );
}

function ReviewTable({ rows }: { rows: BreakGlass[] }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const isDpo = canReadAudit(session);
  const [reviewing, setReviewing] = useState<BreakGlass | null>(null);
  return (
    <>
      <Table label={t("secrecy.review.title")}>
        <thead>
          <tr>
            <th scope="col">{t("secrecy.review.who")}</th>
            <th scope="col">{t("secrecy.review.when")}</th>
            <th scope="col">{t("secrecy.review.reason")}</th>
            <th scope="col">{t("secrecy.review.person")}</th>
            <th scope="col">{t("secrecy.review.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.userName}</td>
              <td>
                {formatWhen(r.startedAt, i18n.language)}
                <span className="cell-sub">
                  {t("secrecy.review.until", { time: formatTime(r.expiresAt, i18n.language) })}
                </span>
              </td>
              <td className="reason-text">{r.reason}</td>
              <td>
                <span className="audit-id">{r.personId}</span>
                {isDpo ? (
                  <span className="cell-sub">
                    <Link to="/audit" search={{ personId: r.personId }}>
                      {t("secrecy.review.audit")}
                    </Link>
                  </span>
                ) : null}
              </td>
              <td>
                {r.reviewedAt ? (
                  <>
                    <Badge tone="primary">
                      {t("secrecy.review.reviewed", { date: formatDate(r.reviewedAt, i18n.language) })}
                    </Badge>
                    {r.reviewNote ? <span className="cell-sub reason-text">{r.reviewNote}</span> : null}
                  </>
                ) : (
                  <Button
                    size="sm"
                    variant="primary"
                    className="nowrap"
                    onClick={() => setReviewing(r)}
                    aria-label={`${t("secrecy.review.action")}: ${r.userName}`}
                  >
                    {t("secrecy.review.action")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {reviewing ? <ReviewDialog access={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}

function ReviewDialog({ access, onClose }: { access: BreakGlass; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewBreakGlass();
  const errors = useFieldErrors(review.error);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    try {
      await review.mutateAsync({ id: access.id, note });
      onClose();
    } catch {
      // The form shows review.error.
    }
  };
  return (
    <Dialog
      open
      title={t("secrecy.review.dialogTitle", { name: access.userName })}
      description={access.reason}
      onClose={onClose}
    >
      <form className="form secrecy-form" onSubmit={submit} noValidate>
        <FormError error={review.error} />
        <TextAreaField
          label={t("secrecy.review.note")}
          hint={t("secrecy.review.noteHint")}
          name="note"
          required
          rows={3}
          maxLength={2000}
          error={errors.note}
        />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={review.isPending}>
            {t("secrecy.review.confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
