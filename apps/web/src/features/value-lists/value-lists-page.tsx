// Admin: the organisation's value lists with nl/en/fr labels. A value that was ever used is
// deactivated, never deleted, so old contacts keep their meaning.
import { useSuspenseQuery } from "@tanstack/react-query";
import { VALUE_LIST_NAMES, type ValueListName } from "@vindplaats/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSaving } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Empty, PageHeader } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { ActiveToggle, type Editing, InactiveFilter, StatusBadge, visibleRows } from "../admin/admin-ui.tsx";
import { ChipGroup } from "../contacts/chips.tsx";
import { ValueDialog } from "./value-dialog.tsx";
import { type ValueItem, valueListsQuery } from "./value-lists-api.ts";

export function ValueListsPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(valueListsQuery);
  const [list, setList] = useState<ValueListName>("life_domain");
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing<ValueItem>>({ mode: "closed" });
  const [saved, setSaved] = useState("");
  const toggle = useSaving(
    (v: ValueItem) => api.patch(`/api/v1/value-lists/${v.list}/${v.code}`, { isActive: !v.isActive }),
    ["value-lists"],
  );
  const rows = visibleRows(
    data.filter((v) => v.list === list),
    showInactive,
  );
  return (
    <>
      <PageHeader
        title={t("valueLists.title")}
        intro={t("valueLists.intro")}
        actions={
          <>
            <InactiveFilter checked={showInactive} onChange={setShowInactive} />
            <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
              {t("valueLists.add")}
            </Button>
          </>
        }
      />
      <ChipGroup
        legend={t("valueLists.choose")}
        options={VALUE_LIST_NAMES.map((name) => ({ value: name, label: t(`valueLists.lists.${name}`, name) }))}
        value={[list]}
        onChange={(v) => v[0] && setList(v[0])}
        single
      />
      <p role="status" className="visually-hidden">
        {saved}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("valueLists.empty")}</Empty>
      ) : (
        <Table label={t(`valueLists.lists.${list}`, list)}>
          <thead>
            <tr>
              <th scope="col">{t("valueLists.code")}</th>
              <th scope="col">{t("language.nl")}</th>
              <th scope="col">{t("language.en")}</th>
              <th scope="col">{t("language.fr")}</th>
              <th scope="col">{t("valueLists.sort")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.code} data-inactive={v.isActive ? undefined : ""}>
                <td>
                  <code>{v.code}</code>
                </td>
                <td lang="nl">{v.labels.nl}</td>
                <td lang="en">{v.labels.en}</td>
                <td lang="fr">{v.labels.fr}</td>
                <td>{v.sort}</td>
                <td>
                  <StatusBadge isActive={v.isActive} />
                </td>
                <td>
                  <div className="cell-actions">
                    <Button
                      size="sm"
                      onClick={() => setEditing({ mode: "edit", row: v })}
                      aria-label={`${t("admin.edit")}: ${v.labels.nl}`}
                    >
                      {t("admin.edit")}
                    </Button>
                    <ActiveToggle isActive={v.isActive} label={v.labels.nl} onToggle={() => toggle.mutateAsync(v)} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ValueDialog
        list={list}
        editing={editing}
        onClose={() => setEditing({ mode: "closed" })}
        onSaved={(v) => {
          setEditing({ mode: "closed" });
          setSaved(`${t("admin.saved")} ${v.labels.nl}`);
        }}
      />
    </>
  );
}
