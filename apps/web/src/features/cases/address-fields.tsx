// The address block of a new case and of a move: street, number, box, postcode, and either a
// neighbourhood or the explicit "outside our neighbourhoods" flag.
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery } from "../../api/org.ts";
import { SelectField, TextField } from "../../ui/field.tsx";
import { formText } from "./cases-api.ts";

export function AddressFields({ errors }: { errors: Record<string, string> }) {
  const { t } = useTranslation();
  const { data: hoods } = useSuspenseQuery(neighbourhoodsQuery());
  const [outside, setOutside] = useState(false);
  return (
    <fieldset className="field fieldset">
      <legend className="field-label">{t("cases.address.legend")}</legend>
      <div className="stack-sm">
        <TextField
          label={t("cases.address.street")}
          name="street"
          required
          maxLength={120}
          autoComplete="off"
          error={errors.street}
        />
        <div className="address-row">
          <TextField
            label={t("cases.address.houseNumber")}
            name="houseNumber"
            required
            maxLength={12}
            error={errors.houseNumber}
          />
          <TextField label={t("cases.address.box")} name="box" maxLength={12} error={errors.box} />
          <TextField
            label={t("cases.address.postcode")}
            name="postcode"
            required
            maxLength={10}
            inputMode="numeric"
            error={errors.postcode}
          />
        </div>
        {outside ? null : (
          <SelectField
            label={t("cases.address.neighbourhood")}
            name="neighbourhoodId"
            placeholder={t("cases.address.chooseNeighbourhood")}
            options={hoods.filter((n) => n.isActive).map((n) => ({ value: n.id, label: n.name }))}
            error={errors.neighbourhoodId}
          />
        )}
        <label className={errors.isOutside ? "check field-invalid" : "check"}>
          <input type="checkbox" name="isOutside" checked={outside} onChange={(e) => setOutside(e.target.checked)} />
          <span>{t("cases.address.isOutside")}</span>
        </label>
        {errors.isOutside ? <p className="field-error">{errors.isOutside}</p> : null}
      </div>
    </fieldset>
  );
}

/** The address part of a request body, read from the form. */
export function readAddress(form: FormData) {
  const isOutside = form.get("isOutside") === "on";
  return {
    street: formText(form, "street") ?? "",
    houseNumber: formText(form, "houseNumber") ?? "",
    box: formText(form, "box") ?? null,
    postcode: formText(form, "postcode") ?? "",
    neighbourhoodId: isOutside ? null : (formText(form, "neighbourhoodId") ?? null),
    isOutside,
  };
}
