// Referrals made during the contact: pick a service to add it, mark whether the worker went along.
// The outcome is recorded later, on the referral itself.
import { uuidv7 } from "@vindplaats/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useValueLabels } from "../value-lists/value-lists-api.ts";
import type { ReferralDraft } from "./contact-draft.ts";

export interface ReferralsProps {
  referrals: ReferralDraft[];
  onChange: (referrals: ReferralDraft[]) => void;
  error?: string | undefined;
}

export function Referrals({ referrals, onChange, error }: ReferralsProps) {
  const { t } = useTranslation();
  const values = useValueLabels();
  const id = useId();
  const used = new Set(referrals.map((r) => r.serviceCode));
  const options = values.options("referral_service").filter((o) => !used.has(o.value));
  return (
    <fieldset className={error ? "field fieldset field-invalid" : "field fieldset"}>
      <legend className="field-label">{t("register.referrals.title")}</legend>
      {referrals.length ? (
        <ul className="chosen-list">
          {referrals.map((r) => (
            <li key={r.id} className="chosen">
              <div className="chosen-row">
                <span className="chosen-name">{values.label("referral_service", r.serviceCode)}</span>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={r.accompanied}
                    onChange={(e) =>
                      onChange(referrals.map((x) => (x.id === r.id ? { ...x, accompanied: e.target.checked } : x)))
                    }
                  />
                  <span>{t("register.referrals.accompanied")}</span>
                </label>
                <button
                  type="button"
                  className="icon-btn"
                  onClick={() => onChange(referrals.filter((x) => x.id !== r.id))}
                  aria-label={t("register.remove", { name: values.label("referral_service", r.serviceCode) })}
                >
                  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                    <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="visually-hidden" htmlFor={id}>
        {t("register.referrals.add")}
      </label>
      <select
        id={id}
        className="input select"
        value=""
        onChange={(e) => {
          const serviceCode = e.target.value;
          if (serviceCode) onChange([...referrals, { id: uuidv7(), serviceCode, accompanied: false }]);
        }}
      >
        <option value="">{t("register.referrals.add")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
