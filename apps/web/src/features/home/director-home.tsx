import { useSuspenseQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { neighbourhoodsQuery, placesQuery, teamsQuery } from "../../api/org.ts";
import { Card } from "../../ui/misc.tsx";
import { Table } from "../../ui/table.tsx";
import { useSession } from "../auth/session.ts";
import { Greeting } from "./greeting.tsx";
import { Stats } from "./stats.tsx";

export function DirectorHome() {
  const { t } = useTranslation();
  const session = useSession();
  const [teams, neighbourhoods, places] = useSuspenseQueries({
    queries: [teamsQuery(), neighbourhoodsQuery(), placesQuery()],
  });
  const placesIn = (id: string) => places.data.filter((p) => p.neighbourhoodId === id).length;
  return (
    <div className="stack">
      <Greeting intro={t("home.directorIntro", { org: session.organisation.name })} />
      <Stats
        label={session.organisation.name}
        items={[
          { label: t("nav.teams"), value: teams.data.length },
          { label: t("nav.neighbourhoods"), value: neighbourhoods.data.length },
          { label: t("nav.places"), value: places.data.length },
        ]}
      />
      <div className="grid grid-2">
        <section className="stack" aria-labelledby="teams-title">
          <h2 id="teams-title">{t("home.teamsOverview")}</h2>
          <Table label={t("home.teamsOverview")}>
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("admin.teams.kind")}</th>
                <th scope="col">{t("admin.teams.members")}</th>
              </tr>
            </thead>
            <tbody>
              {teams.data.map((team) => (
                <tr key={team.id}>
                  <td>{team.name}</td>
                  <td>{t(`team.kind.${team.kind}`)}</td>
                  <td>{team.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <Card aria-labelledby="hoods-title">
          <div className="card-head">
            <h2 id="hoods-title">{t("home.neighbourhoodsOverview")}</h2>
          </div>
          <ul className="place-list">
            {neighbourhoods.data.map((n) => (
              <li key={n.id}>
                <span>{n.name}</span>
                <span className="place-kind">{t("home.placesCount", { count: placesIn(n.id) })}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
