// Export exactly the filtered list, for coordinators. Notes stay out unless asked for, and the API
// allows them only for teams the person coordinates.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { type ContactFilters, downloadExport } from "../contacts/contacts-api.ts";

export function ExportPanel({ filters }: { filters: ContactFilters }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const [notes, setNotes] = useState(false);
  const [busy, setBusy] = useState<"csv" | "xlsx" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: "csv" | "xlsx") => {
    setBusy(format);
    setError(null);
    try {
      await downloadExport(filters, format, notes);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="export-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("contacts.export.title")}</h3>
      <p className="card-sub">{t("contacts.export.hint")}</p>
      <div className="inline-form">
        <label className="check">
          <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />
          <span>{t("contacts.export.notes")}</span>
        </label>
        <Button size="sm" busy={busy === "csv"} onClick={() => void run("csv")}>
          {t("contacts.export.csv")}
        </Button>
        <Button size="sm" busy={busy === "xlsx"} onClick={() => void run("xlsx")}>
          {t("contacts.export.xlsx")}
        </Button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
