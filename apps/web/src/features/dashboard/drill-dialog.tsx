// The contacts of the coordinator's own teams behind one row of a contact figure. The list shows no
// names; each contact opens on its own page, where need-to-know and the audit trail apply.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../ui/dialog.tsx";
import { Empty, ErrorState, Loading } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { drillQuery, type FigureFilters } from "../reports/reports-api.ts";

const when = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Brussels" }).format(
    new Date(iso),
  );

interface Props {
  dimension: string;
  row: { key: string; label: string };
  filters: FigureFilters;
  onClose: () => void;
}

export function DrillDialog({ dimension, row, filters, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const list = useQuery(drillQuery(dimension, row.key, filters));
  return (
    <Dialog
      open
      title={t("figures.drillTitle", { row: row.label })}
      description={t("figures.drillIntro")}
      onClose={onClose}
    >
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{t("figures.drillEmpty")}</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          {list.data.truncated ? (
            <p>{t("figures.drillTruncated", { shown: list.data.items.length, total: list.data.total })}</p>
          ) : null}
          <Table label={t("figures.drillTitle", { row: row.label })}>
            <thead>
              <tr>
                <th scope="col">{t("figures.when")}</th>
                <th scope="col">{t("figures.team")}</th>
                <th scope="col">{t("figures.place")}</th>
                <th scope="col" className="num">
                  {t("figures.persons")}
                </th>
                <th scope="col" className="num">
                  {t("figures.anonymous")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("figures.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>{when(c.startedAt, i18n.language)}</td>
                  <td>{c.teamName}</td>
                  <td>{c.placeName ?? c.neighbourhoodName ?? "–"}</td>
                  <td className="num">{c.personCount}</td>
                  <td className="num">{c.anonymousTotal}</td>
                  <td>
                    <Link to="/contacts/$contactId" params={{ contactId: c.id }} className="btn btn-ghost btn-sm">
                      {t("figures.open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </Dialog>
  );
}
