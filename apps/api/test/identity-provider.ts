// A small OpenID Connect identity provider for tests, on 127.0.0.1: discovery document, JWKS, an
// authorize endpoint that signs in whoever the test names, and a token endpoint that checks the
// client secret, the redirect URI and the PKCE verifier (S256) before it hands out an id_token
// signed with node:crypto (RS256, the JWS format jose and openid-client verify).
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface IdpUser {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  amr?: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in. */
  user: IdpUser;
  /** Every token request, with whether its PKCE verifier matched the challenge. */
  tokenRequests: { pkceOk: boolean; status: number }[];
  /** Every authorization request's query. */
  authorizeRequests: URLSearchParams[];
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => resolve(body));
  });
}

export async function startIdp(): Promise<TestIdp> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = b64url(randomBytes(8));
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const codes = new Map<
    string,
    { challenge: string; method: string; nonce: string; redirectUri: string; user: IdpUser }
  >();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: TestIdp = {
    issuer,
    clientId: "vindplaats-test",
    clientSecret: "test-client-secret",
    user: { sub: "nobody" },
    tokenRequests: [],
    authorizeRequests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const idToken = (user: IdpUser, nonce: string) => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const payload = b64url(
      JSON.stringify({ iss: issuer, aud: idp.clientId, iat: now, exp: now + 300, nonce, ...user }),
    );
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  };

  server.on("request", async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const q = url.searchParams;
      idp.authorizeRequests.push(q);
      const redirectUri = q.get("redirect_uri") ?? "";
      if (q.get("client_id") !== idp.clientId || q.get("response_type") !== "code" || !redirectUri) {
        return json(400, { error: "invalid_request" });
      }
      const code = b64url(randomBytes(16));
      codes.set(code, {
        challenge: q.get("code_challenge") ?? "",
        method: q.get("code_challenge_method") ?? "",
        nonce: q.get("nonce") ?? "",
        redirectUri,
        user: idp.user,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.get("state") ?? "");
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const basic = req.headers.authorization?.startsWith("Basic ")
        ? Buffer.from(req.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent)
        : null;
      const clientId = form.get("client_id") ?? basic?.[0];
      const secret = form.get("client_secret") ?? basic?.[1];
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const pkceOk =
        !!grant &&
        grant.method === "S256" &&
        b64url(createHash("sha256").update(verifier).digest()) === grant.challenge;
      const ok =
        clientId === idp.clientId &&
        secret === idp.clientSecret &&
        form.get("grant_type") === "authorization_code" &&
        grant?.redirectUri === form.get("redirect_uri") &&
        pkceOk;
      idp.tokenRequests.push({ pkceOk, status: ok ? 200 : 400 });
      if (!ok || !grant) return json(400, { error: "invalid_grant" });
      return json(200, {
        access_token: b64url(randomBytes(24)),
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken(grant.user, grant.nonce),
      });
    }
    json(404, { error: "not_found" });
  });
  return idp;
}
