// When and how long: now by default; a duration preset is one tap.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ChipGroup } from "../contacts/chips.tsx";
import { DURATION_PRESETS } from "./contact-draft.ts";

export interface WhenSectionProps {
  date: string;
  time: string;
  durationMinutes: number;
  onChange: (patch: { date?: string; time?: string; durationMinutes?: number }) => void;
  errors: Record<string, string>;
}

export function WhenSection({ date, time, durationMinutes, onChange, errors }: WhenSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const presets = DURATION_PRESETS.map((m) => ({ value: String(m), label: t("register.when.minutes", { count: m }) }));
  const isPreset = DURATION_PRESETS.some((m) => m === durationMinutes);
  return (
    <section
      className="reg-section"
      aria-labelledby={`${id}-title`}
      data-invalid={errors.startedAt || errors.durationMinutes ? true : undefined}
    >
      <h2 className="section-title" id={`${id}-title`}>
        {t("register.when.title")}
      </h2>
      <div className={errors.startedAt ? "when-row field-invalid" : "when-row"}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-date`}>
            {t("register.when.date")}
          </label>
          <input
            id={`${id}-date`}
            className="input"
            type="date"
            value={date}
            required
            aria-invalid={errors.startedAt ? true : undefined}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-time`}>
            {t("register.when.time")}
          </label>
          <input
            id={`${id}-time`}
            className="input"
            type="time"
            value={time}
            required
            aria-invalid={errors.startedAt ? true : undefined}
            onChange={(e) => onChange({ time: e.target.value })}
          />
        </div>
      </div>
      {errors.startedAt ? <p className="field-error">{errors.startedAt}</p> : null}
      <ChipGroup
        legend={t("register.when.duration")}
        options={presets}
        value={isPreset ? [String(durationMinutes)] : []}
        onChange={(v) => v[0] && onChange({ durationMinutes: Number(v[0]) })}
        single
        className="duration-chips"
        error={errors.durationMinutes}
      />
      {!isPreset ? <p className="field-hint">{t("register.when.minutes", { count: durationMinutes })}</p> : null}
    </section>
  );
}
