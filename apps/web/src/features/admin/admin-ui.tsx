// Pieces every admin list shares: the status badge, the (de)activate button and the
// "show inactive" filter. Nothing with history is deleted, so there is no delete button anywhere.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Badge } from "../../ui/misc.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";

export function StatusBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return isActive ? (
    <Badge tone="primary">{t("admin.active")}</Badge>
  ) : (
    <Badge tone="muted">{t("admin.inactive")}</Badge>
  );
}

/** Deactivates or reactivates one row; `label` names the row for screen readers. */
export function ActiveToggle({
  isActive,
  label,
  onToggle,
}: {
  isActive: boolean;
  label: string;
  onToggle: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const text = isActive ? t("admin.deactivate") : t("admin.reactivate");
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onToggle();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="sm"
        variant={isActive ? "danger" : "secondary"}
        busy={busy}
        onClick={() => void run()}
        aria-label={`${text}: ${label}`}
      >
        {text}
      </Button>
      {error ? (
        <span className="field-error" role="alert">
          {errorText(error)}
        </span>
      ) : null}
    </>
  );
}

export function InactiveFilter({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{t("admin.showInactive")}</span>
    </label>
  );
}

/** Rows to show: active ones, plus inactive ones when asked for. */
export const visibleRows = <T extends { isActive: boolean }>(rows: T[], showInactive: boolean) =>
  showInactive ? rows : rows.filter((r) => r.isActive);

/** The dialog state of an admin list: closed, creating a new row, or editing one. */
export type Editing<T> = { mode: "closed" } | { mode: "create" } | { mode: "edit"; row: T };
