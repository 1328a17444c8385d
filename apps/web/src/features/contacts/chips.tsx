// Toggle chips for the many small choices of a contact (life domains, Quick Scan): one tap each,
// big enough for a thumb, announced as pressed or not. Single choice lets a second tap clear it.
import { useId } from "react";
import "./forms.css";

export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

export interface ChipGroupProps<T extends string> {
  legend: string;
  options: ChipOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  single?: boolean;
  hint?: string;
  error?: string | undefined;
  className?: string;
}

export function ChipGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  single,
  hint,
  error,
  className,
}: ChipGroupProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const press = (v: T) => {
    if (value.includes(v)) onChange(value.filter((x) => x !== v));
    else onChange(single ? [v] : [...value, v]);
  };
  return (
    <fieldset
      className={["field fieldset", error ? "field-invalid" : "", className ?? ""].join(" ").trim()}
      aria-describedby={describedBy}
    >
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="chips">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            className="chip"
            aria-pressed={value.includes(o.value)}
            onClick={() => press(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
