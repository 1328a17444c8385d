// Retention periods per data category: the administrator sets them, the DPO reads them. Below, the
// dry run (what the nightly job would do now, without changing anything) and the last runs.
import { useSuspenseQuery } from "@tanstack/react-query";
import type { RetentionPolicyView } from "@vindplaats/contracts";
import { RETENTION_MONTHS } from "@vindplaats/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { Banner, Card, Empty, PageHeader } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { useSession } from "../auth/session.ts";
import { canManageRetention } from "./access.ts";
import { dryRunQuery, retentionQuery, useSaveRetention } from "./protection-api.ts";

const day = (iso: string) => new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium" }).format(new Date(iso));
const moment = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function RetentionPage() {
  const { t } = useTranslation();
  const canManage = canManageRetention(useSession());
  const { data } = useSuspenseQuery(retentionQuery);
  const save = useSaveRetention();
  const [saved, setSaved] = useState("");

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const policies = data.policies.map((p) => ({
      category: p.category,
      keepMonths: Number(form.get(`months.${p.category}`)),
      isEnabled: form.get(`enabled.${p.category}`) === "on",
    }));
    setSaved("");
    try {
      await save.mutateAsync({ policies });
      setSaved(t("protection.retention.saved"));
    } catch {
      // save.error holds the problem; the form shows it.
    }
  };

  return (
    <>
      <PageHeader title={t("protection.retention.title")} intro={t("protection.retention.intro")} />
      {canManage ? null : <Banner>{t("protection.retention.readOnly")}</Banner>}
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <Table label={t("protection.retention.title")}>
          <thead>
            <tr>
              <th scope="col">{t("protection.retention.category")}</th>
              <th scope="col">{t("protection.retention.action")}</th>
              <th scope="col">{t("protection.retention.months")}</th>
              <th scope="col">{t("protection.retention.enabled")}</th>
            </tr>
          </thead>
          <tbody>
            {data.policies.map((p) => (
              <PolicyRow key={`${p.category}-${p.updatedAt ?? "default"}`} policy={p} disabled={!canManage} />
            ))}
          </tbody>
        </Table>
        {canManage ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={save.isPending}>
              {t("protection.retention.save")}
            </Button>
          </div>
        ) : null}
        <p role="status">{saved}</p>
      </form>
      <DryRun />
      <LastRuns runs={data.lastRuns} />
    </>
  );
}

function PolicyRow({ policy: p, disabled }: { policy: RetentionPolicyView; disabled: boolean }) {
  const { t } = useTranslation();
  const name = t(`protection.retention.categories.${p.category}.name`);
  return (
    <tr>
      <td>
        {name}
        <span className="cell-sub">{t(`protection.retention.categories.${p.category}.description`)}</span>
      </td>
      <td>{t(`protection.retention.actions.${p.action}`)}</td>
      <td>
        <input
          className="input"
          type="number"
          name={`months.${p.category}`}
          defaultValue={p.keepMonths}
          min={RETENTION_MONTHS.min}
          max={RETENTION_MONTHS.max}
          required
          disabled={disabled}
          aria-label={t("protection.retention.monthsFor", { name })}
        />
        <span className="cell-sub">{t("protection.retention.defaultHint", { n: p.defaultMonths })}</span>
      </td>
      <td>
        <input
          type="checkbox"
          name={`enabled.${p.category}`}
          defaultChecked={p.isEnabled}
          disabled={disabled}
          aria-label={t("protection.retention.enabledFor", { name })}
        />
      </td>
    </tr>
  );
}

function DryRun() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(dryRunQuery);
  return (
    <Card>
      <h2>{t("protection.retention.dryRun")}</h2>
      <p className="card-sub">{t("protection.retention.dryRunIntro")}</p>
      <Table label={t("protection.retention.dryRun")}>
        <thead>
          <tr>
            <th scope="col">{t("protection.retention.category")}</th>
            <th scope="col">{t("protection.retention.action")}</th>
            <th scope="col">{t("protection.retention.due")}</th>
          </tr>
        </thead>
        <tbody>
          {data.categories.map((c) => (
            <tr key={c.category}>
              <td>
                {t(`protection.retention.categories.${c.category}.name`)}
                <span className="cell-sub">{t("protection.retention.olderThan", { date: day(c.cutoff) })}</span>
              </td>
              <td>{c.isEnabled ? t(`protection.retention.actions.${c.action}`) : t("protection.retention.off")}</td>
              <td>{c.isEnabled ? c.due : t("protection.retention.notApplied", { n: c.due })}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

function LastRuns({
  runs,
}: {
  runs: { id: string; trigger: string; startedAt: string; counts: Record<string, number> }[];
}) {
  const { t } = useTranslation();
  const changed = (counts: Record<string, number>) => {
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([category, n]) => `${t(`protection.retention.categories.${category}.name`)}: ${n}`);
    return parts.length ? parts.join(", ") : t("protection.retention.nothing");
  };
  return (
    <Card>
      <h2>{t("protection.retention.lastRuns")}</h2>
      {runs.length === 0 ? (
        <Empty>{t("protection.retention.noRuns")}</Empty>
      ) : (
        <Table label={t("protection.retention.lastRuns")}>
          <thead>
            <tr>
              <th scope="col">{t("protection.retention.started")}</th>
              <th scope="col">{t("protection.retention.changed")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  {moment(r.startedAt)}
                  <span className="cell-sub">{t(`protection.retention.trigger.${r.trigger}`, r.trigger)}</span>
                </td>
                <td>{changed(r.counts)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
