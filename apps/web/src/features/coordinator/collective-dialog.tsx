// Creating or changing a household or group: its name, usual place and members (found by nickname).
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { uuidv7 } from "@vindplaats/domain";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormError, useFieldErrors } from "../../ui/form-error.tsx";
import {
  type Collective,
  type CollectiveKind,
  createCollective,
  personSearchQuery,
  updateCollective,
} from "../persons/persons-api.ts";
import { useDebounced } from "../register/use-debounced.ts";

interface Member {
  personId: string;
  nickname: string;
}

export function CollectiveDialog({
  kind,
  teamId,
  collective,
  onClose,
}: {
  kind: CollectiveKind;
  teamId: string;
  collective: Collective | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const queryClient = useQueryClient();
  const { data: places } = useSuspenseQuery(placesQuery());
  const [id] = useState(uuidv7);
  const [name, setName] = useState(collective?.name ?? "");
  const [placeId, setPlaceId] = useState(collective?.usualPlaceId ?? "");
  const [members, setMembers] = useState<Member[]>(collective?.members ?? []);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const search = useQuery({ ...personSearchQuery(collective?.ownerTeamId ?? teamId, q, 6), enabled: q.length >= 3 });
  const save = useMutation({
    mutationFn: () => {
      const ids = members.map((m) => m.personId);
      if (!collective)
        return createCollective(kind, { id, teamId, name: name.trim(), usualPlaceId: placeId || null, memberIds: ids });
      const before = collective.members.map((m) => m.personId);
      return updateCollective(kind, collective.id, {
        name: name.trim(),
        usualPlaceId: placeId || null,
        addMemberIds: ids.filter((x) => !before.includes(x)),
        removeMemberIds: before.filter((x) => !ids.includes(x)),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["collectives"] }),
  });
  const errors = useFieldErrors(save.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync();
      onClose();
    } catch {
      // The form shows save.error.
    }
  };
  const results = (search.data?.items ?? []).filter((p) => !members.some((m) => m.personId === p.id));
  return (
    <Dialog open title={collective ? collective.name : t(`collectives.add.${kind}`)} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          label={t("admin.name")}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <SelectField
          label={t("persons.fields.usualPlace")}
          value={placeId}
          onChange={(e) => setPlaceId(e.target.value)}
          placeholder={t("persons.notKnown")}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.neighbourhoodName})` }))}
          error={errors.usualPlaceId}
        />
        <fieldset className="field fieldset">
          <legend className="field-label">{t("collectives.members")}</legend>
          <ul className="chosen-list">
            {members.map((m) => (
              <li key={m.personId} className="chosen-row">
                <span className="chosen-name">{m.nickname}</span>
                <Button size="sm" onClick={() => setMembers(members.filter((x) => x.personId !== m.personId))}>
                  {t("collectives.removeMember")}
                </Button>
              </li>
            ))}
          </ul>
          <label className="visually-hidden" htmlFor={searchId}>
            {t("collectives.addMember")}
          </label>
          <input
            id={searchId}
            className="input"
            type="search"
            autoComplete="off"
            placeholder={t("collectives.addMember")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          />
          {q.length >= 3 ? (
            <ul className="chips" aria-label={t("register.persons.suggestions")}>
              {results.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => {
                      setMembers([...members, { personId: p.id, nickname: p.nickname }]);
                      setText("");
                    }}
                  >
                    {p.nickname}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {errors.memberIds || errors.addMemberIds ? (
            <p className="field-error">{errors.memberIds ?? errors.addMemberIds}</p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t("admin.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
