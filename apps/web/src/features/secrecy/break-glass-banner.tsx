// The banner over a record opened through emergency access: that it is emergency access, the
// minutes left, and that it is reviewed. When the server says the time is up the record is asked
// again, and the API then refuses it (the error screen offers a new access).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Banner } from "../../ui/misc.tsx";
import { activeBreakGlassQuery } from "./secrecy-api.ts";
import "../../i18n/secrecy.ts";
import "./secrecy.css";

export function BreakGlassBanner({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  // Past the end by this device's clock: ask the server until it agrees (clocks may differ).
  const { data } = useQuery({
    ...activeBreakGlassQuery(personId),
    refetchInterval: (query) => {
      const active = query.state.data?.active;
      return active && Date.parse(active.expiresAt) <= Date.now() ? 15_000 : false;
    },
  });
  const isEnded = data !== undefined && data.active === null;
  useEffect(() => {
    if (isEnded) void queryClient.resetQueries({ queryKey: ["persons", "page", personId] });
  }, [isEnded, personId, queryClient]);
  const expiresAt = data?.active ? Date.parse(data.active.expiresAt) : null;
  const minutesLeft = expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt - now) / 60_000));

  return (
    <Banner tone="danger" role="note">
      <span className="glass-banner">
        <strong>
          {isEnded || minutesLeft === 0
            ? t("secrecy.glass.ended")
            : minutesLeft === null
              ? t("secrecy.glass.title")
              : minutesLeft === 1
                ? t("secrecy.glass.bannerOne")
                : t("secrecy.glass.banner", { count: minutesLeft })}
        </strong>
        <span>{t("secrecy.glass.bannerBody")}</span>
      </span>
    </Banner>
  );
}
