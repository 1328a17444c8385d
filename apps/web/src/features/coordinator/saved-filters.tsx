// Saved filters: one tap brings back a filter set; they are personal and can be deleted.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { useFieldErrors } from "../../ui/form-error.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { type ContactFilters, deleteSavedFilter, savedFiltersQuery, saveFilter } from "../contacts/contacts-api.ts";
import { sameFilters } from "./filters.ts";

export function SavedFilters({ filters, onApply }: { filters: ContactFilters; onApply: (f: ContactFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const saved = useQuery(savedFiltersQuery);
  const [name, setName] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedFiltersQuery.queryKey });
  const create = useMutation({ mutationFn: () => saveFilter(name.trim(), filters), onSuccess: refresh });
  const remove = useMutation({ mutationFn: deleteSavedFilter, onSuccess: refresh });
  const errors = useFieldErrors(create.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await create.mutateAsync();
      setName("");
    } catch {
      // Shown below.
    }
  };
  return (
    <section className="saved-filters" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("contacts.saved.title")}</h3>
      {saved.data?.length ? (
        <ul className="chips">
          {saved.data.map((f) => (
            <li key={f.id} className="saved-filter">
              <button
                type="button"
                className="chip"
                aria-pressed={sameFilters(f.filters, filters)}
                onClick={() => onApply(f.filters)}
              >
                {f.name}
              </button>
              <button
                type="button"
                className="icon-btn"
                aria-label={t("contacts.saved.delete", { name: f.name })}
                onClick={() => remove.mutate(f.id)}
              >
                <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
                  <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-sub">{t("contacts.saved.none")}</p>
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          {t("contacts.saved.name")}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          placeholder={t("contacts.saved.name")}
          maxLength={80}
          value={name}
          aria-invalid={errors.name ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" size="sm" busy={create.isPending} disabled={!name.trim()}>
          {t("contacts.saved.save")}
        </Button>
      </form>
      {create.error || remove.error ? (
        <p className="field-error" role="alert">
          {errors.name ?? errorText(create.error ?? remove.error)}
        </p>
      ) : null}
    </section>
  );
}
