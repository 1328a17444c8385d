// Bad input on every route with a body or path parameters, generated from the OpenAPI document:
// each answer is a 4xx problem+json naming the offending field, never a 500, and nothing is written.
import { ERROR_MESSAGES } from "@vindplaats/contracts";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg } from "../../test/factories.ts";
import { createHarness, type Harness, rowCounts, type Session, signIn } from "../../test/harness.ts";
import {
  fillParams,
  type JsonSchema,
  type Operation,
  openApiDocument,
  operations,
  sampleValue,
  wrongTypeValue,
} from "../../test/openapi.ts";
import { can, type Permission } from "../modules/access/policy.ts";

const BODY_LIMIT = 16_384;
const SOME_ID = "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";

let h: Harness;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ops: Operation[];
const sessions = new Map<string, Session>();

beforeAll(async () => {
  h = await createHarness({ bodyLimitBytes: BODY_LIMIT });
  org = await seedOrg(h.db);
  ops = operations(await openApiDocument(h.app)).filter((o) => o.body || o.pathParams.length);
});
afterAll(() => h.close());

/** The seeded users and their roles, in the order they are tried for a route. */
const PEOPLE = [
  ["admin", { orgRoles: ["admin"], memberships: [] }],
  ["coordinatorA", { orgRoles: [], memberships: [{ role: "coordinator" }] }],
  ["workerA", { orgRoles: [], memberships: [{ role: "worker" }] }],
  ["director", { orgRoles: ["director"], memberships: [] }],
  ["dpo", { orgRoles: ["dpo"], memberships: [] }],
] as const;

/** Someone allowed on the route, so the request reaches validation instead of stopping at 403. */
async function sessionFor(op: Operation): Promise<Session | null> {
  if (op.access === "public") return null;
  const permission = h.app.routeTable.find((r) => r.method === op.method && r.url === op.url)?.permission;
  const allowed = PEOPLE.find(([, roles]) => !permission || can(roles as never, permission as Permission));
  const who = allowed?.[0] ?? "admin";
  if (!sessions.has(who)) sessions.set(who, await signIn(h.app, org.emails[who]));
  return sessions.get(who)!;
}

interface Case {
  name: string;
  url?: string;
  payload?: unknown;
  raw?: string;
  contentType?: string;
  /** The field the answer must name, if it is a field problem. */
  field?: string;
  fieldKey?: string;
  status?: number;
  key?: string;
}

function casesFor(op: Operation): Case[] {
  const cases: Case[] = [];
  const body = op.body as JsonSchema | undefined;
  const base = body ? (sampleValue(body) as Record<string, unknown>) : undefined;
  for (const param of op.pathParams) {
    const schema = op.pathSchemas[param]!;
    const bad =
      schema.format === "uuid"
        ? ["not-a-uuid", "1", "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6", "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6bz"]
        : schema.enum
          ? ["not-one-of-them"]
          : [];
    for (const value of bad) {
      cases.push({ name: `:${param}=${value}`, url: op.url.replace(`:${param}`, value), payload: base, field: param });
    }
    cases.push({ name: `:${param} injection`, url: op.url.replace(`:${param}`, "%27%20OR%201%3D1--"), payload: base });
  }
  if (!body || !base) return cases;
  for (const [prop, schema] of Object.entries(body.properties ?? {})) {
    const wrong = wrongTypeValue(schema);
    if (wrong === undefined) continue;
    cases.push({ name: `wrong type ${prop}`, payload: { ...base, [prop]: wrong }, field: prop });
  }
  for (const prop of body.required ?? []) {
    const { [prop]: _omitted, ...rest } = base;
    cases.push({ name: `missing ${prop}`, payload: rest, field: prop, fieldKey: "field.required" });
  }
  cases.push({
    name: "unknown field",
    payload: { ...base, unexpectedField: "x" },
    field: "unexpectedField",
    fieldKey: "field.unknown",
  });
  cases.push({ name: "malformed JSON", raw: '{"name": ', key: "malformed_json", status: 400 });
  cases.push({ name: "empty JSON body", raw: "", key: "malformed_json", status: 400 });
  for (const raw of ["[]", "null", '"text"', "42"]) cases.push({ name: `body ${raw}`, raw, status: 400 });
  cases.push({
    name: "oversize body",
    raw: JSON.stringify({ ...base, padding: "x".repeat(BODY_LIMIT) }),
    status: 413,
    key: "body_too_large",
  });
  const json = JSON.stringify(base);
  cases.push({ name: "text/plain", raw: json, contentType: "text/plain" });
  cases.push({ name: "xml", raw: "<team/>", contentType: "application/xml", status: 415 });
  cases.push({ name: "form", raw: "name=x", contentType: "application/x-www-form-urlencoded", status: 415 });
  return cases;
}

async function send(op: Operation, c: Case, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const session = await sessionFor(op);
  const url = fillParams(c.url ?? op.url, SOME_ID, op.pathSamples);
  const opts: InjectOptions = { method: op.method as "POST", url, headers: { ...headers } };
  if (c.raw !== undefined) {
    opts.payload = c.raw;
    opts.headers!["content-type"] = c.contentType ?? "application/json";
  } else if (c.payload !== undefined) {
    opts.payload = c.payload as object;
  }
  return session ? session.request(opts) : h.app.inject(opts);
}

describe("bad input on every route", () => {
  it("covers the routes with a body or path parameters", () => {
    expect(ops.length).toBeGreaterThan(8);
  });

  it("answers a 4xx problem+json naming the field, and writes nothing", async () => {
    for (const op of ops) {
      await sessionFor(op); // signing in writes a session and an audit row: do it before counting
      const before = await rowCounts(h.db);
      for (const c of casesFor(op)) {
        const res = await send(op, c);
        const label = `${op.method} ${op.url} (${c.name}): ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, label).toBeLessThan(500);
        if (c.status) expect(res.statusCode, label).toBe(c.status);
        expect(res.headers["content-type"], label).toContain("application/problem+json");
        const problem = res.json();
        expect(problem.key, label).toBeTypeOf("string");
        expect(problem.detail, label).toBeTypeOf("string");
        if (c.key) expect(problem.key, label).toBe(c.key);
        if (c.field) {
          // The offending field is named; the sample body may trip other fields of routes with complex rules too.
          expect(problem.key, label).toBe("validation");
          expect(problem.field, label).toBeTypeOf("string");
          const fields = problem.errors.map((e: { field: string }) => e.field);
          expect(fields, label).toContainEqual(expect.stringMatching(new RegExp(`(^|\\.)${c.field}($|\\.)`)));
        }
        if (c.fieldKey)
          expect(
            problem.errors.map((e: { key: string }) => e.key),
            label,
          ).toContain(c.fieldKey);
      }
      expect(await rowCounts(h.db), `${op.method} ${op.url} wrote rows`).toEqual(before);
    }
  });
});

describe("bad query strings", () => {
  it("name the parameter of a value outside its options", async () => {
    const doc = operations(await openApiDocument(h.app));
    const withEnums = doc
      .filter((op) => op.method === "GET")
      .flatMap((op) =>
        Object.entries(op.querySchemas)
          .filter(([, schema]) => schema.enum)
          .map(([name]) => ({ op, name })),
      );
    expect(withEnums.length).toBeGreaterThan(2);
    for (const { op, name } of withEnums) {
      const session = await sessionFor(op);
      const url = `${fillParams(op.url, SOME_ID, op.pathSamples)}?${name}=not-an-option`;
      const res = await (session ? session.request({ method: "GET", url }) : h.app.inject({ method: "GET", url }));
      expect(res.statusCode, `${op.method} ${url}`).toBe(400);
      expect(res.json().errors, url).toContainEqual(
        expect.objectContaining({ field: `querystring.${name}`, key: "field.invalid" }),
      );
    }
  });
});

describe("language of the messages", () => {
  const signInOp = (): Operation => ops.find((o) => o.url === "/api/v1/auth/sign-in")!;
  const missingEmail: Case = { name: "missing email", payload: { password: "x" } };

  it("is Dutch by default and follows Accept-Language", async () => {
    const expected = { nl: ERROR_MESSAGES.nl, fr: ERROR_MESSAGES.fr, en: ERROR_MESSAGES.en };
    for (const [header, locale] of [
      [undefined, "nl"],
      ["fr-BE,fr;q=0.9", "fr"],
      ["en", "en"],
      ["de", "nl"],
    ] as const) {
      const res = await send(signInOp(), missingEmail, header ? { "accept-language": header } : {});
      expect(res.statusCode).toBe(400);
      const problem = res.json();
      expect(problem.detail).toBe(expected[locale].validation);
      expect(problem.errors[0]).toEqual({
        field: "email",
        key: "field.required",
        message: expected[locale]["field.required"],
      });
    }
  });

  it("follows Accept-Language on a refused authenticated route", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/v1/teams", headers: { "accept-language": "fr" } });
    expect(res.json().detail).toBe(ERROR_MESSAGES.fr.unauthenticated);
  });

  it("follows the signed-in user's own language", async () => {
    const s = await signIn(h.app, org.emails.workerB);
    await s.request({ method: "PATCH", url: "/api/v1/me", payload: { locale: "fr" } });
    const res = await s.request({ method: "PATCH", url: "/api/v1/me", payload: { locale: "de" } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ detail: ERROR_MESSAGES.fr.validation, field: "locale" });
  });
});
