// The organisation's neighbourhoods (their GeoJSON outlines) shaded by contacts, drawn with d3-geo.
// A neighbourhood is a button: choosing it filters the whole dashboard on it. Suppressed counts
// show as "<5" and get the lightest shade, so the map never tells more than the table.
import { useSuspenseQuery } from "@tanstack/react-query";
import type { FigureView } from "@vindplaats/contracts";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery } from "../../api/org.ts";
import { Card, Empty } from "../../ui/misc.tsx";

const WIDTH = 520;
const HEIGHT = 360;
const SHADES = ["#e3efed", "#b8d6d1", "#86b8b1", "#4f908a", "#1f5f5b"];

interface Props {
  figure: FigureView | undefined;
  selected: string | undefined;
  onSelect: (neighbourhoodId: string | undefined) => void;
}

export function NeighbourhoodMap({ figure, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { data: neighbourhoods } = useSuspenseQuery(neighbourhoodsQuery());
  const shapes = useMemo(() => {
    const features: Feature<Geometry, { id: string; name: string }>[] = neighbourhoods
      .filter((n) => n.geometry)
      .map((n) => ({ type: "Feature", geometry: n.geometry as Geometry, properties: { id: n.id, name: n.name } }));
    if (!features.length) return null;
    const collection: FeatureCollection<Geometry, { id: string; name: string }> = {
      type: "FeatureCollection",
      features,
    };
    const path = geoPath(geoMercator().fitSize([WIDTH, HEIGHT], collection));
    return features.map((f) => ({ ...f.properties, d: path(f) ?? "", centroid: path.centroid(f) }));
  }, [neighbourhoods]);

  const cells = new Map((figure?.rows ?? []).map((r) => [r.key, r.total]));
  const max = Math.max(1, ...[...cells.values()].map((c) => c.value ?? 0));
  const shade = (id: string) => {
    const value = cells.get(id)?.value ?? 0;
    return value === 0
      ? "#f6f5f1"
      : SHADES[Math.min(SHADES.length - 1, Math.floor((value / max) * (SHADES.length - 1)))]!;
  };

  return (
    <Card aria-labelledby="map-title" className="map-card">
      <div className="card-head">
        <div>
          <h2 id="map-title">{t("figures.mapTitle")}</h2>
          <p className="card-sub">{t("figures.mapHint")}</p>
        </div>
        {selected ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => onSelect(undefined)}>
            {t("figures.clearNeighbourhood")}
          </button>
        ) : null}
      </div>
      {!shapes ? (
        <Empty>{t("figures.mapNoShapes")}</Empty>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="map" aria-label={t("figures.mapTitle")}>
          {shapes.map((s) => {
            const cell = cells.get(s.id);
            const label = `${s.name}: ${cell?.display ?? "0"}`;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the role and keys of one.
              <g
                key={s.id}
                role="button"
                tabIndex={0}
                aria-pressed={selected === s.id}
                aria-label={label}
                className="map-area"
                onClick={() => onSelect(selected === s.id ? undefined : s.id)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onSelect(selected === s.id ? undefined : s.id);
                  }
                }}
              >
                <title>{label}</title>
                <path
                  d={s.d}
                  fill={shade(s.id)}
                  stroke={selected === s.id ? "#1a56db" : "#ffffff"}
                  strokeWidth={selected === s.id ? 3 : 1.5}
                />
                <text x={s.centroid[0]} y={s.centroid[1]} textAnchor="middle" className="map-label">
                  {cell?.display ?? "0"}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {shapes ? <p className="card-sub">{t("figures.mapLegend")}</p> : null}
    </Card>
  );
}
