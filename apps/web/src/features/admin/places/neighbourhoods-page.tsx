import { useSuspenseQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { type Neighbourhood, neighbourhoodsQuery, placesQuery, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Empty, PageHeader } from "../../../ui/misc.tsx";
import { Table } from "../../../ui/table.tsx";
import { ActiveToggle, type Editing, InactiveFilter, StatusBadge, visibleRows } from "../admin-ui.tsx";
import { NeighbourhoodDialog } from "./neighbourhood-dialog.tsx";

export function NeighbourhoodsPage() {
  const { t } = useTranslation();
  const [neighbourhoods, places] = useSuspenseQueries({ queries: [neighbourhoodsQuery(true), placesQuery(true)] });
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<Neighbourhood>>({ mode: "closed" });
  const [saved, setSaved] = useState("");
  const toggle = useSaving(
    (n: Neighbourhood) => api.patch(`/api/v1/neighbourhoods/${n.id}`, { isActive: !n.isActive }),
    ["neighbourhoods", "places"],
  );
  const rows = visibleRows(neighbourhoods.data, showInactive);
  const placeCount = (id: string) => places.data.filter((p) => p.neighbourhoodId === id && p.isActive).length;

  return (
    <>
      <PageHeader
        title={t("admin.neighbourhoods.title")}
        intro={t("admin.historyNote")}
        actions={
          <>
            <InactiveFilter checked={showInactive} onChange={setShowInactive} />
            <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
              {t("admin.neighbourhoods.add")}
            </Button>
          </>
        }
      />
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("admin.neighbourhoods.empty")}</Empty>
      ) : (
        <Table label={t("admin.neighbourhoods.title")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.neighbourhoods.places")}</th>
              <th scope="col">{t("admin.neighbourhoods.hasShape")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id} data-inactive={n.isActive ? undefined : ""}>
                <td>{n.name}</td>
                <td>{placeCount(n.id)}</td>
                <td>{n.geometry ? t("admin.neighbourhoods.shapeYes") : t("admin.neighbourhoods.shapeNo")}</td>
                <td>
                  <StatusBadge isActive={n.isActive} />
                </td>
                <td>
                  <div className="cell-actions">
                    <Button
                      size="sm"
                      onClick={() => setEditing({ mode: "edit", row: n })}
                      aria-label={`${t("admin.edit")}: ${n.name}`}
                    >
                      {t("admin.edit")}
                    </Button>
                    <ActiveToggle isActive={n.isActive} label={n.name} onToggle={() => toggle.mutateAsync(n)} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <NeighbourhoodDialog
        editing={editing}
        onClose={() => setEditing({ mode: "closed" })}
        onSaved={(n) => {
          setEditing({ mode: "closed" });
          setSaved(`${t("admin.saved")} ${n.name}`);
        }}
      />
    </>
  );
}
