// The persons the team knows, searchable by nickname, with a way to register someone new by
// nickname (duplicates are suggested while typing). Merging is done from the person page.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { Button } from "../../ui/button.tsx";
import { Badge, Banner, Empty, ErrorState, Loading, PageHeader } from "../../ui/misc.tsx";
import { formatStart } from "../contacts/vocabulary.ts";
import { type Page, type PersonListItem, personListPath } from "../persons/persons-api.ts";
import { useDebounced } from "../register/use-debounced.ts";
import { KnownElsewhere } from "../secrecy/known-elsewhere.tsx";
import { useCurrentTeam } from "../shell/current-team.tsx";
import { NewPersonDialog } from "./new-person-dialog.tsx";
import "../contacts/forms.css";
import "../persons/persons.css";
import "./coordinator.css";

export function PersonsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { team } = useCurrentTeam();
  const search = useSearch({ strict: false }) as { q?: string };
  const [text, setText] = useState(search.q ?? "");
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim(), 300);
  useEffect(() => {
    if ((search.q ?? "") !== q) void navigate({ to: "/persons", search: q ? { q } : {}, replace: true });
  }, [q, search.q, navigate]);
  const list = useInfiniteQuery({
    queryKey: ["persons", "list", { q, teamId: team?.teamId }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<PersonListItem>>(personListPath({ q, teamId: team?.teamId, cursor: pageParam })),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!team) return <Banner>{t("register.noTeam")}</Banner>;

  return (
    <div className="stack">
      <PageHeader
        title={t("persons.list.title")}
        intro={t("persons.list.intro", { team: team.teamName })}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t("persons.list.add")}
          </Button>
        }
      />
      <div className="field narrow">
        <label className="field-label" htmlFor={id}>
          {t("persons.list.search")}
        </label>
        <input
          id={id}
          className="input"
          type="search"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && !items.length ? <Empty>{t("persons.list.empty")}</Empty> : null}
      <KnownElsewhere nickname={q} />
      <ul className="list-rows" aria-label={t("persons.list.title")}>
        {items.map((p) => (
          <li key={p.id}>
            <Link className="list-row" to="/persons/$personId" params={{ personId: p.id }}>
              <span className="list-row-head">
                <span>{p.nickname}</span>
                {p.identityLevel === "identified" ? (
                  <Badge tone="primary">{t("persons.level.identified")}</Badge>
                ) : null}
              </span>
              <span className="list-row-sub">
                {[
                  p.description,
                  p.lastSeenAt ? t("persons.list.lastSeen", { when: formatStart(p.lastSeenAt, i18n.language) }) : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t("contacts.list.more")}
        </Button>
      ) : null}
      {creating ? (
        <NewPersonDialog teamId={team.teamId} initial={text.trim()} onClose={() => setCreating(false)} />
      ) : null}
    </div>
  );
}
