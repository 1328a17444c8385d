import { useSuspenseQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { neighbourhoodsQuery, type Place, placesQuery, useSaving } from "../../../api/org.ts";
import { Button } from "../../../ui/button.tsx";
import { Banner, Empty, PageHeader } from "../../../ui/misc.tsx";
import { Table } from "../../../ui/table.tsx";
import { ActiveToggle, type Editing, InactiveFilter, StatusBadge, visibleRows } from "../admin-ui.tsx";
import { PlaceDialog } from "./place-dialog.tsx";

export function PlacesPage() {
  const { t } = useTranslation();
  const [places, neighbourhoods] = useSuspenseQueries({ queries: [placesQuery(true), neighbourhoodsQuery(true)] });
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<Place>>({ mode: "closed" });
  const [saved, setSaved] = useState("");
  const toggle = useSaving((p: Place) => api.patch(`/api/v1/places/${p.id}`, { isActive: !p.isActive }), ["places"]);
  const rows = visibleRows(places.data, showInactive);
  const hasNeighbourhood = neighbourhoods.data.some((n) => n.isActive);

  return (
    <>
      <PageHeader
        title={t("admin.places.title")}
        intro={t("admin.historyNote")}
        actions={
          <>
            <InactiveFilter checked={showInactive} onChange={setShowInactive} />
            <Button variant="primary" disabled={!hasNeighbourhood} onClick={() => setEditing({ mode: "create" })}>
              {t("admin.places.add")}
            </Button>
          </>
        }
      />
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {!hasNeighbourhood ? <Banner>{t("admin.places.needNeighbourhood")}</Banner> : null}
      {rows.length === 0 ? (
        <Empty>{t("admin.places.empty")}</Empty>
      ) : (
        <Table label={t("admin.places.title")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.places.neighbourhood")}</th>
              <th scope="col">{t("admin.places.kind")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((place) => (
              <tr key={place.id} data-inactive={place.isActive ? undefined : ""}>
                <td>{place.name}</td>
                <td>{place.neighbourhoodName}</td>
                <td>{t(`placeKind.${place.kind}`)}</td>
                <td>
                  <StatusBadge isActive={place.isActive} />
                </td>
                <td>
                  <div className="cell-actions">
                    <Button
                      size="sm"
                      onClick={() => setEditing({ mode: "edit", row: place })}
                      aria-label={`${t("admin.edit")}: ${place.name}`}
                    >
                      {t("admin.edit")}
                    </Button>
                    <ActiveToggle
                      isActive={place.isActive}
                      label={place.name}
                      onToggle={() => toggle.mutateAsync(place)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PlaceDialog
        editing={editing}
        neighbourhoods={neighbourhoods.data}
        onClose={() => setEditing({ mode: "closed" })}
        onSaved={(place) => {
          setEditing({ mode: "closed" });
          setSaved(`${t("admin.saved")} ${place.name}`);
        }}
      />
    </>
  );
}
