// Reads the app's own OpenAPI document so route-wide tests are generated, not hand-listed:
// every operation, its body schema and path parameters, and sample values built from the schemas.
import type { FastifyInstance } from "fastify";
import { INFRASTRUCTURE_PREFIXES } from "../src/app.ts";

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  $ref?: string;
}

interface OpenApiOperation {
  "x-access"?: string;
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: string;
  /** Fastify form, with :id. */
  url: string;
  access: string | undefined;
  body: JsonSchema | undefined;
  pathParams: string[];
  pathSchemas: Record<string, JsonSchema>;
  /** A valid value for each path parameter. */
  pathSamples: Record<string, string>;
  queryParams: string[];
  querySchemas: Record<string, JsonSchema>;
}

export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

export function operations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: toFastifyPath(path),
      access: op["x-access"],
      body: inline(op.requestBody?.content["application/json"]?.schema, doc),
      pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
      pathSchemas: Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === "path").map((p) => [p.name, p.schema]),
      ),
      pathSamples: Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === "path").map((p) => [p.name, String(sampleValue(p.schema))]),
      ),
      queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      querySchemas: Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === "query").map((p) => [p.name, p.schema]),
      ),
    })),
  );
}

/** Replaces every $ref by the component it points to. */
function inline<T>(schema: T, doc: OpenApiDocument, depth = 0): T {
  if (depth > 20 || !schema || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map((s) => inline(s, doc, depth + 1)) as T;
  const ref = (schema as JsonSchema).$ref;
  if (ref) {
    const target = doc.components?.schemas?.[ref.split("/").at(-1)!];
    if (!target) throw new Error(`unresolved ${ref}`);
    return inline(target as T, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, doc, depth + 1)])) as T;
}

export const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");
export const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

/** API routes of the route table, without the documentation and openapi.json infrastructure. */
export function apiRoutes(app: FastifyInstance) {
  const infrastructure = INFRASTRUCTURE_PREFIXES.filter((p) => p.startsWith("/api/"));
  return app.routeTable.filter((r) => r.url.startsWith("/api/") && !infrastructure.some((p) => r.url.startsWith(p)));
}

/** Replaces :params by the given values, or by `fallback` for those not given. */
export const fillParams = (url: string, fallback: string, values: Record<string, string> = {}) =>
  url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? fallback);

/** A value the schema accepts, as small as possible. */
export function sampleValue(schema: JsonSchema): unknown {
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (branch) return sampleValue(branch);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "email") return "sample@example.org";
      if (schema.format === "uuid") return "0190b3a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";
      if (schema.format === "date") return "2026-01-02";
      if (schema.format === "date-time") return "2026-01-02T10:00:00.000Z";
      return "s".repeat(Math.max(schema.minLength ?? 1, 12));
    case "number":
    case "integer":
      return Math.min(Math.max(0, schema.minimum ?? 0), schema.maximum ?? 0);
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? {}));
    case "object":
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sampleValue(schema.properties?.[k] ?? {})]));
    default:
      return null;
  }
}

const jsonType = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? "number" : typeof v;

/** A value of a JSON type the schema does not allow, or undefined when it allows any type. */
export function wrongTypeValue(schema: JsonSchema): unknown {
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const types = new Set(branches.flatMap((b) => [b.type ?? []].flat()).map((t) => (t === "integer" ? "number" : t)));
  if (schema.nullable || branches.some((b) => b.nullable)) types.add("null");
  if (!types.size) return undefined;
  return ["wrong type", 12345, true, [], {}].find((v) => !types.has(jsonType(v)));
}
