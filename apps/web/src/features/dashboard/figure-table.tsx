// The table view of a figure: the same rows the chart draws, with totals; "<5" where suppressed.
// Coordinators get a button per row to open the contacts behind it (never the director).
import type { FigureView } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import { Table } from "../../ui/table.tsx";

interface Props {
  figure: FigureView;
  onDrill?: ((row: { key: string; label: string }) => void) | undefined;
}

export function FigureTable({ figure, onDrill }: Props) {
  const { t } = useTranslation();
  const matrix = figure.kind === "matrix";
  const withRowTotals = matrix && figure.hasRowTotals;
  return (
    <Table label={figure.name}>
      <thead>
        <tr>
          <th scope="col">{figure.name}</th>
          {matrix ? (
            figure.columns.map((c) => (
              <th scope="col" key={c.key} className="num">
                {c.label}
              </th>
            ))
          ) : (
            <th scope="col" className="num">
              {t("figures.count")}
            </th>
          )}
          {withRowTotals ? (
            <th scope="col" className="num">
              {t("figures.total")}
            </th>
          ) : null}
          {onDrill ? (
            <th scope="col">
              <span className="visually-hidden">{t("figures.drill")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {figure.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {(matrix ? r.cells : [r.total]).map((c, i) => (
              <td key={figure.columns[i]?.key ?? i} className="num" data-suppressed={c.suppressed || undefined}>
                {c.display}
              </td>
            ))}
            {withRowTotals ? <td className="num">{r.total.display}</td> : null}
            {onDrill ? (
              <td>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => onDrill(r)}
                  aria-label={t("figures.drillLabel", { row: r.label })}
                >
                  {t("figures.drill")}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("figures.total")}</th>
          {(matrix ? figure.columnTotals : [figure.total]).map((c, i) => (
            <td key={figure.columns[i]?.key ?? i} className="num">
              {c.display}
            </td>
          ))}
          {withRowTotals ? <td className="num">{figure.total.display}</td> : null}
          {onDrill ? <td /> : null}
        </tr>
      </tfoot>
    </Table>
  );
}
