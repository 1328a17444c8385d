// The "Sharing" card of the person page, for the team that holds the record: what is shared with
// whom, on which basis and until when; share more; revoke with a confirmation. The form is a
// separate chunk, loaded only when a worker opens it.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { FormError } from "../../ui/form-error.tsx";
import { Badge, Banner, Card, Empty, Loading } from "../../ui/misc.tsx";
import { formatDate } from "./format.ts";
import { recipientsQuery, type Share, sharesQuery, useRevokeShare } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "./secrecy.css";

const ShareDialog = lazy(() => import("./share-dialog.tsx").then((m) => ({ default: m.ShareDialog })));

const isRunning = (s: Share, now: number) => !s.revokedAt && (!s.expiresAt || new Date(s.expiresAt).getTime() > now);

export function ShareSection({ personId, nickname }: { personId: string; nickname: string }) {
  const { t } = useTranslation();
  const shares = useQuery(sharesQuery(personId));
  const recipients = useQuery(recipientsQuery());
  const [open, setOpen] = useState(false);
  const [revoking, setRevoking] = useState<Share | null>(null);
  const [notice, setNotice] = useState("");
  const recipientOf = (s: Share) =>
    s.toTeamId
      ? (recipients.data?.teams.find((r) => r.id === s.toTeamId)?.name ?? t("secrecy.share.otherTeam"))
      : (recipients.data?.partners.find((r) => r.id === s.toUserId)?.displayName ?? t("secrecy.share.aPartner"));
  const now = Date.now();
  const running = (shares.data ?? []).filter((s) => isRunning(s, now));
  const ended = (shares.data ?? []).filter((s) => !isRunning(s, now));

  return (
    <Card aria-labelledby="share-title" className="share-card">
      <div className="card-head">
        <div>
          <h2 id="share-title">{t("secrecy.share.title")}</h2>
          <p className="card-sub">{t("secrecy.share.intro")}</p>
        </div>
        <Button size="sm" onClick={() => setOpen(true)}>
          {t("secrecy.share.action")}
        </Button>
      </div>
      {notice ? <Banner role="status">{notice}</Banner> : null}
      {shares.isPending ? <Loading /> : null}
      {shares.isSuccess && !shares.data.length ? <Empty>{t("secrecy.share.none")}</Empty> : null}
      {running.length ? (
        <ShareList
          label={t("secrecy.share.active")}
          shares={running}
          recipientOf={recipientOf}
          onRevoke={setRevoking}
        />
      ) : null}
      {ended.length ? <ShareList label={t("secrecy.share.ended")} shares={ended} recipientOf={recipientOf} /> : null}
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog
            personId={personId}
            nickname={nickname}
            onClose={() => setOpen(false)}
            onShared={(recipient) => {
              setOpen(false);
              setNotice(t("secrecy.share.shared", { recipient }));
            }}
          />
        </Suspense>
      ) : null}
      {revoking ? (
        <RevokeDialog
          personId={personId}
          share={revoking}
          recipient={recipientOf(revoking)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </Card>
  );
}

function ShareList({
  label,
  shares,
  recipientOf,
  onRevoke,
}: {
  label: string;
  shares: Share[];
  recipientOf: (s: Share) => string;
  onRevoke?: (s: Share) => void;
}) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => formatDate(iso, i18n.language);
  return (
    <section aria-label={label} className="stack-sm">
      <h3 className="field-label">{label}</h3>
      <ul className="list-rows">
        {shares.map((s) => (
          <li key={s.id} className={onRevoke ? "share-row" : "share-row share-ended"}>
            <div>
              <strong>{recipientOf(s)}</strong>
              <span className="person-head">
                {s.fieldClasses.map((c) => (
                  <Badge key={c} tone={c === "profile" ? "neutral" : "accent"}>
                    {t(`secrecy.fieldClass.${c}`)}
                  </Badge>
                ))}
              </span>
              <span className="cell-sub">
                {[
                  s.basis === "consent"
                    ? t("secrecy.share.basisLabel.consent", {
                        how: t(`secrecy.share.howOption.${s.consentHow ?? "verbal"}`).toLowerCase(),
                      })
                    : t("secrecy.share.basisLabel.shared_secrecy"),
                  t("secrecy.share.since", { date: day(s.createdAt) }),
                  s.revokedAt
                    ? t("secrecy.share.revokedOn", { date: day(s.revokedAt) })
                    : s.expiresAt
                      ? t(onRevoke ? "secrecy.share.until" : "secrecy.share.expiredOn", { date: day(s.expiresAt) })
                      : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              {s.consentScope ? <span className="cell-sub">{s.consentScope}</span> : null}
              {s.justification ? <span className="cell-sub reason-text">{s.justification}</span> : null}
            </div>
            {onRevoke ? (
              <Button size="sm" variant="danger" onClick={() => onRevoke(s)}>
                {t("secrecy.share.revoke")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RevokeDialog({
  personId,
  share,
  recipient,
  onClose,
}: {
  personId: string;
  share: Share;
  recipient: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeShare(personId);
  return (
    <Dialog open title={t("secrecy.share.revokeTitle")} onClose={onClose}>
      <div className="form">
        <p>{t("secrecy.share.revokeBody", { recipient })}</p>
        <FormError error={revoke.error} />
        <div className="form-actions">
          <Button onClick={onClose}>{t("admin.cancel")}</Button>
          <Button
            variant="danger"
            busy={revoke.isPending}
            onClick={() => revoke.mutate(share.id, { onSuccess: onClose })}
          >
            {t("secrecy.share.revoke")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
