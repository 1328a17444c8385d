// People met who stay anonymous: a count per age band and gender, with steppers a thumb can hit.
import { MAX_HEAD_COUNT } from "@vindplaats/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import { type HeadCountRow, headCountTotal, newHeadCount } from "./contact-draft.ts";

export interface HeadCountProps {
  rows: HeadCountRow[];
  onChange: (rows: HeadCountRow[]) => void;
  legend?: string;
  error?: string | undefined;
}

export function HeadCount({ rows, onChange, legend, error }: HeadCountProps) {
  const { t } = useTranslation();
  const total = headCountTotal(rows);
  const update = (key: string, patch: Partial<HeadCountRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className={error ? "field fieldset field-invalid" : "field fieldset"}>
      <legend className="field-label">
        {legend ?? t("register.anonymous.title")}
        {total ? <span className="badge badge-primary">{total}</span> : null}
      </legend>
      <ul className="headcount-rows">
        {rows.map((row, i) => (
          <HeadCountLine
            key={row.key}
            row={row}
            index={i}
            onChange={(patch) => update(row.key, patch)}
            onRemove={rows.length > 1 ? () => onChange(rows.filter((r) => r.key !== row.key)) : undefined}
          />
        ))}
      </ul>
      <div>
        <Button size="sm" variant="ghost" onClick={() => onChange([...rows, newHeadCount()])}>
          {t("register.anonymous.addRow")}
        </Button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function HeadCountLine({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: HeadCountRow;
  index: number;
  onChange: (patch: Partial<HeadCountRow>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const id = useId();
  const n = index + 1;
  return (
    <li className="headcount-row">
      <label className="visually-hidden" htmlFor={`${id}-age`}>
        {t("register.anonymous.ageOf", { n })}
      </label>
      <select
        id={`${id}-age`}
        className="input select"
        value={row.ageBand ?? ""}
        onChange={(e) => onChange({ ageBand: e.target.value || null })}
      >
        <option value="">{t("register.anonymous.anyAge")}</option>
        {values.options("age_band").map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-gender`}>
        {t("register.anonymous.genderOf", { n })}
      </label>
      <select
        id={`${id}-gender`}
        className="input select"
        value={row.gender ?? ""}
        onChange={(e) => onChange({ gender: e.target.value || null })}
      >
        <option value="">{t("register.anonymous.anyGender")}</option>
        {values.options("gender").map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <div className="stepper">
        <button
          type="button"
          className="stepper-btn"
          aria-label={t("register.anonymous.less", { n })}
          disabled={row.count <= 0}
          onClick={() => onChange({ count: Math.max(0, row.count - 1) })}
        >
          −
        </button>
        <output className="stepper-value" aria-live="polite" aria-label={t("register.anonymous.countOf", { n })}>
          {row.count}
        </output>
        <button
          type="button"
          className="stepper-btn"
          aria-label={t("register.anonymous.more", { n })}
          disabled={row.count >= MAX_HEAD_COUNT}
          onClick={() => onChange({ count: Math.min(MAX_HEAD_COUNT, row.count + 1) })}
        >
          +
        </button>
      </div>
      {onRemove ? (
        <button
          type="button"
          className="icon-btn"
          onClick={onRemove}
          aria-label={t("register.anonymous.removeRow", { n })}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      ) : null}
    </li>
  );
}
