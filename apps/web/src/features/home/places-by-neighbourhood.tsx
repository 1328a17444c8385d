import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { placesQuery } from "../../api/org.ts";
import { Badge, Card, Empty } from "../../ui/misc.tsx";
import { groupPlaces } from "./home-logic.ts";

/** `showCount` adds the total as a badge, for homes that have no row of counts above. */
export function PlacesByNeighbourhood({ showCount = true }: { showCount?: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: places } = useSuspenseQuery(placesQuery());
  const groups = groupPlaces(places, i18n.language);
  return (
    <Card aria-labelledby="places-title">
      <div className="card-head">
        <div>
          <h2 id="places-title">{t("home.placesByNeighbourhood")}</h2>
          <p className="card-sub">{t("home.placesByNeighbourhoodHint")}</p>
        </div>
        {showCount ? <Badge tone="primary">{t("home.placesCount", { count: places.length })}</Badge> : null}
      </div>
      {groups.length === 0 ? (
        <Empty>{t("home.noPlaces")}</Empty>
      ) : (
        <div className="hoods">
          {groups.map((group) => (
            <section key={group.neighbourhoodId} className="hood" aria-labelledby={`hood-${group.neighbourhoodId}`}>
              <h3 id={`hood-${group.neighbourhoodId}`}>
                {group.neighbourhoodName}
                <span className="hood-count">{group.places.length}</span>
              </h3>
              <ul className="place-list">
                {group.places.map((place) => (
                  <li key={place.id}>
                    <span>{place.name}</span>
                    <span className="place-kind">{t(`placeKind.${place.kind}`)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
