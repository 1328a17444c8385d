// Coordinators merge duplicates explicitly: the duplicate's history moves to this person, the merge
// is audited, and it can be undone right away (or later by the API with the merge id).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { PersonView } from "@vindplaats/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { Banner, Card } from "../../ui/misc.tsx";
import { useErrorText } from "../../ui/use-error-text.ts";
import { type DuplicateCandidate, duplicatesQuery, type MergeResult, mergePersons, undoMerge } from "./persons-api.ts";

export function MergeSection({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<DuplicateCandidate | null>(null);
  const [merged, setMerged] = useState<{ result: MergeResult; nickname: string } | null>(null);
  const candidates = useQuery(
    duplicatesQuery({ nickname: person.nickname, neighbourhoodId: person.usualNeighbourhoodId, excludeId: person.id }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["persons"] });
  const merge = useMutation({
    mutationFn: (duplicateId: string) => mergePersons(person.id, duplicateId),
    onSuccess: refresh,
  });
  const undo = useMutation({ mutationFn: (mergeId: string) => undoMerge(mergeId), onSuccess: refresh });
  const inScope = (candidates.data ?? []).filter((c) => c.inScope && c.person);

  return (
    <Card aria-labelledby="merge-title">
      <div className="card-head">
        <div>
          <h2 id="merge-title">{t("persons.merge.title")}</h2>
          <p className="card-sub">{t("persons.merge.hint")}</p>
        </div>
      </div>
      {merged ? (
        <Banner tone="success" role="status">
          <span>{t("persons.merge.done", { nickname: merged.nickname })}</span>
          <Button
            size="sm"
            busy={undo.isPending}
            onClick={() =>
              void undo.mutateAsync(merged.result.mergeId).then(
                () => setMerged(null),
                () => undefined,
              )
            }
          >
            {t("persons.merge.undo")}
          </Button>
        </Banner>
      ) : null}
      {undo.error ? (
        <Banner tone="danger" role="alert">
          {errorText(undo.error)}
        </Banner>
      ) : null}
      {inScope.length ? (
        <ul className="list-rows">
          {inScope.map((c) => (
            <li key={c.personId} className="dup-list">
              <span>
                <Link to="/persons/$personId" params={{ personId: c.personId }}>
                  {c.person?.nickname}
                </Link>
                {c.person?.description ? <span className="cell-sub">{c.person.description}</span> : null}
              </span>
              <Button size="sm" onClick={() => setConfirming(c)}>
                {t("persons.merge.action")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-sub">{candidates.isPending ? t("app.loading") : t("persons.merge.none")}</p>
      )}
      {confirming ? (
        <Dialog
          open
          title={t("persons.merge.confirmTitle")}
          description={t("persons.merge.confirmBody", {
            duplicate: confirming.person?.nickname,
            survivor: person.nickname,
          })}
          onClose={() => setConfirming(null)}
        >
          {merge.error ? (
            <Banner tone="danger" role="alert">
              {errorText(merge.error)}
            </Banner>
          ) : null}
          <div className="form-actions">
            <Button onClick={() => setConfirming(null)}>{t("admin.cancel")}</Button>
            <Button
              variant="primary"
              busy={merge.isPending}
              onClick={async () => {
                try {
                  const result = await merge.mutateAsync(confirming.personId);
                  setMerged({ result, nickname: confirming.person?.nickname ?? "" });
                  setConfirming(null);
                  void navigate({ to: "/persons/$personId", params: { personId: result.survivorId } });
                } catch {
                  // merge.error is shown above.
                }
              }}
            >
              {t("persons.merge.confirm")}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </Card>
  );
}
