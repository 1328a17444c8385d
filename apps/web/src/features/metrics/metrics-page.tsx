// The metrics catalogue: what every figure counts, which date decides, how anonymous head counts and
// merged persons count. The same text is the yearly report's methodology annex and docs/metrics.md.
import { useSuspenseQuery } from "@tanstack/react-query";
import type { Locale } from "@vindplaats/contracts";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n/index.ts";
import { Badge, Card, PageHeader } from "../../ui/misc.tsx";
import "../dashboard/dashboard.css";
import { catalogueQuery } from "../reports/reports-api.ts";

export function MetricsPage() {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "nl";
  const { data } = useSuspenseQuery(catalogueQuery());
  return (
    <div className="stack">
      <PageHeader title={t("metrics.title")} intro={t("metrics.intro")} />
      <Card aria-labelledby="general-rules">
        <h2 id="general-rules">{t("metrics.general")}</h2>
        <ul>
          {data.generalRules.map((rule) => (
            <li key={rule.en}>{rule[locale]}</li>
          ))}
        </ul>
      </Card>
      {data.sections.map((section) => (
        <section key={section.id} aria-labelledby={`metrics-${section.id}`} className="stack">
          <h2 id={`metrics-${section.id}`}>{section.name[locale]}</h2>
          <ul className="metric-list">
            {data.metrics
              .filter((m) => m.section === section.id)
              .map((m) => (
                <li key={m.id} id={m.id}>
                  <Card aria-labelledby={`metric-${m.id}`}>
                    <div className="card-head">
                      <h3 id={`metric-${m.id}`}>{m.name[locale]}</h3>
                      <code>{m.id}</code>
                    </div>
                    {!m.available ? <Badge tone="muted">{t("metrics.notAvailable")}</Badge> : null}
                    {m.coordinatorsOnly ? <Badge tone="accent">{t("metrics.coordinatorsOnly")}</Badge> : null}
                    <dl>
                      <dt>{t("metrics.counts")}</dt>
                      <dd>{m.counts[locale]}</dd>
                      <dt>{t("metrics.date")}</dt>
                      <dd>{m.date[locale]}</dd>
                      <dt>{t("metrics.people")}</dt>
                      <dd>{m.people[locale]}</dd>
                    </dl>
                  </Card>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
