// Choosing where a contact happened: recent places first, then (on request) places in the
// neighbourhood the phone is in, and a search over place and neighbourhood names.
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery, type Place } from "../../api/org.ts";
import { Button } from "../../ui/button.tsx";
import { currentPosition, neighbourhoodAt } from "./nearby.ts";
import { sortPlaces } from "./recent-places.ts";

export interface PlacePickerProps {
  places: Place[];
  recent: string[];
  /** How many places to show before the worker searches. */
  limit?: number;
  onPick: (place: Place) => void;
  /** Big full-width buttons (the tally) instead of chips. */
  large?: boolean;
}

export function PlacePicker({ places, recent, limit = 6, onPick, large }: PlacePickerProps) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [near, setNear] = useState<string | null>(null);
  const [nearState, setNearState] = useState<"idle" | "busy" | "none">("idle");
  const queryClient = useQueryClient();

  const findNear = async () => {
    setNearState("busy");
    try {
      const [point, list] = await Promise.all([currentPosition(), queryClient.fetchQuery(neighbourhoodsQuery())]);
      const id = neighbourhoodAt(point, list);
      setNear(id);
      setNearState(id ? "idle" : "none");
    } catch {
      setNearState("none");
    }
  };

  const sorted = sortPlaces(places, { recent, nearNeighbourhoodId: near, query, locale: i18n.language });
  const shown = query ? sorted.slice(0, 12) : sorted.slice(0, limit);
  return (
    <div className="place-picker">
      <div className="place-search">
        <label className="visually-hidden" htmlFor={searchId}>
          {t("register.place.search")}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          placeholder={t("register.place.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault();
            if (sorted[0]) onPick(sorted[0]);
          }}
        />
        <Button size="sm" variant="ghost" busy={nearState === "busy"} onClick={() => void findNear()}>
          {t("register.place.near")}
        </Button>
      </div>
      {nearState === "none" ? <p className="field-hint">{t("register.place.nearUnknown")}</p> : null}
      {shown.length === 0 ? <p className="field-hint">{t("register.place.none")}</p> : null}
      <ul className={large ? "place-buttons" : "place-tiles"} aria-label={t("register.place.options")}>
        {shown.map((p) => (
          <li key={p.id}>
            <button type="button" className={large ? "place-button" : "place-tile"} onClick={() => onPick(p)}>
              <span>{p.name}</span>
              <span className="place-sub">
                {recent.includes(p.id) ? `${t("register.place.recent")} · ` : ""}
                {p.neighbourhoodName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
