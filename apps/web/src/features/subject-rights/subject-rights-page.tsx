// The DPO's screen for data subject requests: find the person (national register number through the
// keyed hash, nickname or record id), then open the record to export, rectify, restrict or erase.

import { useNavigate, useSearch } from "@tanstack/react-router";
import type { SubjectCandidate } from "@vindplaats/contracts";
import { type FormEvent, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n/index.ts";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import { Card, Empty, Loading, PageHeader } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { StateBadges, SubjectPanel } from "./subject-panel.tsx";
import { useLookup } from "./subject-rights-api.ts";
import "../../i18n/subject-rights.ts";
import "./subject-rights.css";

const day = (iso: string) => new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium" }).format(new Date(iso));

export function SubjectRightsPage() {
  const { t } = useTranslation();
  const { person } = useSearch({ strict: false }) as { person?: string };
  const navigate = useNavigate();
  const lookup = useLookup();
  const errors = useFieldErrors(lookup.error);
  const open = (id: string | undefined) =>
    void navigate({ to: "/privacy/subject-rights", search: id ? { person: id } : {} });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    lookup.mutate({
      nationalRegisterNumber: value("nationalRegisterNumber"),
      nickname: value("nickname"),
      personId: value("personId"),
    });
  };

  return (
    <div className="stack">
      <PageHeader title={t("subjectRights.title")} intro={t("subjectRights.intro")} />
      <Card aria-labelledby="sr-lookup">
        <h2 id="sr-lookup">{t("subjectRights.lookup.title")}</h2>
        <form className="form sr-lookup" onSubmit={submit} noValidate>
          <FormError error={lookup.error} />
          <TextField
            name="nationalRegisterNumber"
            label={t("subjectRights.lookup.nationalRegisterNumber")}
            hint={t("subjectRights.lookup.nrnHint")}
            error={errors.nationalRegisterNumber}
            autoComplete="off"
            inputMode="numeric"
          />
          <TextField
            name="nickname"
            label={t("subjectRights.lookup.nickname")}
            error={errors.nickname}
            autoComplete="off"
          />
          <TextField
            name="personId"
            label={t("subjectRights.lookup.personId")}
            error={errors.personId}
            autoComplete="off"
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={lookup.isPending}>
              {t("subjectRights.lookup.submit")}
            </Button>
          </div>
        </form>
        {lookup.data ? <Candidates rows={lookup.data} onOpen={open} /> : null}
      </Card>
      {person ? (
        <Suspense fallback={<Loading />}>
          <SubjectPanel key={person} personId={person} onClose={() => open(undefined)} />
        </Suspense>
      ) : null}
    </div>
  );
}

function Candidates({ rows, onOpen }: { rows: SubjectCandidate[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (!rows.length) return <Empty>{t("subjectRights.lookup.none")}</Empty>;
  return (
    <Table label={t("subjectRights.lookup.title")}>
      <thead>
        <tr>
          <th scope="col">{t("subjectRights.fields.nickname")}</th>
          <th scope="col">{t("subjectRights.lookup.team")}</th>
          <th scope="col">{t("subjectRights.lookup.created")}</th>
          <th scope="col">{t("subjectRights.lookup.state")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("subjectRights.lookup.open")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{c.nickname}</td>
            <td>{c.ownerTeamName}</td>
            <td>{day(c.createdAt)}</td>
            <td>
              <StateBadges c={c} />
            </td>
            <td>
              <Button size="sm" onClick={() => onOpen(c.id)}>
                {t("subjectRights.lookup.open")}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
