// The fictional demo organisation's accounts. All names are invented; the README lists these.
import type { OrgRole, TeamKind, TeamRole } from "@vindplaats/domain";

export const DEMO_PASSWORD = "vindplaats-demo";
export const DEMO_ORG = { name: "Demostad – Dienst Outreachend Werken", slug: "demostad" };

export interface DemoTeam {
  key: string;
  name: string;
  kind: TeamKind;
}

export const DEMO_TEAMS: DemoTeam[] = [
  { key: "street", name: "Straathoekwerk", kind: "street_work" },
  { key: "youth", name: "Jeugdstraathoekwerk", kind: "street_work" },
  { key: "stewards", name: "Buurtstewards", kind: "neighbourhood_stewards" },
  { key: "opstap", name: "OpStap", kind: "group_programme" },
  { key: "schools", name: "Schoolspotters", kind: "school_peer_support" },
  { key: "iem", name: "IEM-jongerenproject", kind: "youth_project" },
  { key: "night", name: "Nachtploeg", kind: "night_patrol" },
  { key: "housing", name: "Housing First", kind: "other" },
];

export interface DemoUser {
  email: string;
  displayName: string;
  orgRoles: OrgRole[];
  teams: [teamKey: string, role: TeamRole][];
}

const u = (email: string, displayName: string, orgRoles: OrgRole[], teams: [string, TeamRole][] = []): DemoUser => ({
  email: `${email}@demo.vindplaats.org`,
  displayName,
  orgRoles,
  teams,
});

export const DEMO_USERS: DemoUser[] = [
  u("beheer", "Ada Beheer", ["admin"]),
  u("directie", "Dirk Directie", ["director"]),
  u("dpo", "Daphne Privacy", ["dpo"]),
  u(
    "coord.straat",
    "Coralie Coördinator",
    [],
    [
      ["street", "coordinator"],
      ["night", "coordinator"],
    ],
  ),
  u(
    "straat1",
    "Stan Straat",
    [],
    [
      ["street", "worker"],
      ["night", "worker"],
    ],
  ),
  u("straat2", "Selma Stoep", [], [["street", "worker"]]),
  u(
    "straat3",
    "Sven Plein",
    [],
    [
      ["street", "worker"],
      ["housing", "worker"],
    ],
  ),
  u("coord.jeugd", "Jana Jeugd", [], [["youth", "coordinator"]]),
  u("jeugd1", "Jules Pleintje", [], [["youth", "worker"]]),
  u("coord.steward", "Bart Buurt", [], [["stewards", "coordinator"]]),
  u("steward1", "Bea Huisbezoek", [], [["stewards", "worker"]]),
  u("steward2", "Bram Portiek", [], [["stewards", "worker"]]),
  u("steward3", "Britt Gevel", [], [["stewards", "worker"]]),
  u("coord.opstap", "Olga Opstap", [], [["opstap", "coordinator"]]),
  u("opstap1", "Omar Onderweg", [], [["opstap", "worker"]]),
  u("coord.school", "Sara Schoolpoort", [], [["schools", "coordinator"]]),
  u("spotter1", "Sami Speelplaats", [], [["schools", "worker"]]),
  u("coord.iem", "Ivo Inzet", [], [["iem", "coordinator"]]),
  u("iem1", "Iris Brug", [], [["iem", "worker"]]),
  u("coord.housing", "Hanne Thuis", [], [["housing", "coordinator"]]),
];

/** The account the README and the browser tests use to see a coordinator's home screen. */
export const DEMO_COORDINATOR = "coord.straat@demo.vindplaats.org";
export const DEMO_WORKER = "straat1@demo.vindplaats.org";
export const DEMO_ADMIN = "beheer@demo.vindplaats.org";
export const DEMO_DIRECTOR = "directie@demo.vindplaats.org";
