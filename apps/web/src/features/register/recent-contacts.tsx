// The worker's own recent contacts as this phone holds them, newest first: those saved here and
// waiting to be sent, then the synced ones. Read from the encrypted store, so it works offline.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { loadOffline, offlineCapable, useOfflineData } from "../../offline/state.ts";
import { useOfflineTexts } from "../../offline/texts.ts";
import { Badge, Card, Empty } from "../../ui/misc.tsx";

export function RecentContacts() {
  const texts = useOfflineTexts();
  const { i18n } = useTranslation();
  const version = useOfflineData();
  const { data: places } = useSuspenseQuery(placesQuery());
  const { data } = useQuery({
    queryKey: ["offline", "recent-contacts", version],
    queryFn: async () => {
      const offline = await loadOffline();
      if (!(await offline.runningEngine())) return null;
      return (await import("../../offline/local-reads.ts")).recentContacts(10);
    },
    enabled: offlineCapable(),
    networkMode: "always",
    placeholderData: (previous) => previous,
  });
  if (!data) return null;
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  const when = new Intl.DateTimeFormat(i18n.language, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <Card aria-labelledby="recent-contacts-title">
      <h2 id="recent-contacts-title">{texts.recentTitle}</h2>
      {data.length === 0 ? (
        <Empty>{texts.recentEmpty}</Empty>
      ) : (
        <ul className="offline-list" aria-labelledby="recent-contacts-title">
          {data.map((c) => (
            <li key={c.id} data-state={c.state} data-id={c.id}>
              <span>
                <strong>{when.format(new Date(c.startedAt))}</strong>
                {c.placeId ? ` · ${placeName.get(c.placeId) ?? ""}` : ""}
                <span className="cell-sub">
                  {[
                    ...c.personNames.filter(Boolean),
                    ...(c.anonymousTotal ? [texts.anonymous(c.anonymousTotal)] : []),
                  ].join(", ")}
                </span>
              </span>
              <Badge tone={c.state === "synced" ? "primary" : c.state === "waiting" ? "accent" : "neutral"}>
                {c.state === "synced"
                  ? texts.stateSynced
                  : c.state === "waiting"
                    ? texts.stateWaiting
                    : texts.stateRefused}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
