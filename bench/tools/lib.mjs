// Shared by the bench's node helpers: the three servers, their request bodies and one normalized shape of
// the project page so that their answers can be compared.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const documents = {
  minsheng: readFileSync(join(benchDir, "queries", "minsheng.graphql"), "utf8"),
  postgraphile: readFileSync(join(benchDir, "queries", "postgraphile.graphql"), "utf8"),
  // The same page with each project's status, light and reasons (issue 17): PostGraphile has nothing to compare it
  // with, so it is held against PostGraphile's plain page, in the same round.
  "minsheng-lights": readFileSync(join(benchDir, "queries", "minsheng-lights.graphql"), "utf8"),
};
// The floor answers only this page and ignores the document; it is sent the application's.
documents.floor = documents.minsheng;

/** The POST body for a server; variables only when given (the load runs send none). */
export function body(server, variables) {
  const payload = { query: documents[server] };
  if (variables && Object.keys(variables).length > 0) payload.variables = variables;
  return JSON.stringify(payload);
}

export async function post(url, server, tenant, variables) {
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json;q=0.9",
  };
  if (tenant) headers["X-Tenant"] = tenant;
  const started = process.hrtime.bigint();
  const response = await fetch(url, { method: "POST", headers, body: body(server, variables) });
  const text = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // left null: reported as not JSON
  }
  return { status: response.status, headers: response.headers, text, json, ms };
}

const number = (v) => (v === null || v === undefined ? null : String(Number(v)));

/**
 * One shape for the three answers: [{ name, category, leadUnit, targets: [{label, value, unit}], latestReport: {period, status} }],
 * plus the cursor to the next page where the server has one.
 */
export function normalize(server, json) {
  if (!json || typeof json !== "object") return { error: "not JSON" };
  if (json.errors) return { error: JSON.stringify(json.errors).slice(0, 500) };
  if (server === "postgraphile") {
    const connection = json.data?.allProjects;
    if (!connection) return { error: "no allProjects" };
    return {
      items: connection.edges.map(({ node }) => ({
        name: node.name,
        category: node.categoryCode ?? null,
        leadUnit: node.leadUnit?.nodes?.[0]?.unitByTenantIdAndUnitId?.name ?? null,
        targets: node.indicatorsByTenantIdAndProjectId.nodes.map((i) => ({ label: i.label, value: number(i.targetValue), unit: i.unit })),
        latestReport: node.latestReport?.nodes?.[0]
          ? { period: node.latestReport.nodes[0].period.slice(0, 7), status: node.latestReport.nodes[0].status.toUpperCase() }
          : null,
      })),
      endCursor: connection.pageInfo?.endCursor ?? null,
      hasNextPage: connection.pageInfo?.hasNextPage ?? null,
    };
  }
  const connection = json.data?.projects;
  if (!connection) return { error: "no projects" };
  return {
    items: connection.edges.map(({ node }) => ({
      name: node.name,
      category: node.category ?? null,
      leadUnit: node.leadUnit?.name ?? null,
      targets: node.indicators.map((i) => ({ label: i.label, value: number(i.targetValue), unit: i.unit })),
      latestReport: node.latestReport ? { period: node.latestReport.period.slice(0, 7), status: node.latestReport.status.toUpperCase() } : null,
    })),
    endCursor: connection.pageInfo?.endCursor ?? null,
    hasNextPage: connection.pageInfo?.hasNextPage ?? null,
  };
}

/** The first difference between two normalized item lists, or null. */
export function firstDifference(a, b) {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `item ${i}: ${x} vs ${y}`;
  }
  return null;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const redirectUri = "http://localhost:5080/callback";
const b64url = (buffer) => buffer.toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

/** The console's sign-in (authorization code with PKCE), returning the Authorization header: authorize → login form (antiforgery) → authorize → code → token. */
export async function signIn(base, userName, password) {
  const cookies = new Map();
  const keep = (response) => {
    for (const c of response.headers.getSetCookie()) { const [pair] = c.split(";"); const i = pair.indexOf("="); cookies.set(pair.slice(0, i), pair.slice(i + 1)); }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const get = async (url) => { const r = await fetch(new URL(url, base), { redirect: "manual", headers: { Cookie: cookieHeader() } }); keep(r); return r; };
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash("sha256").update(verifier).digest());
  const authorize = `/connect/authorize?${new URLSearchParams({ client_id: "minsheng-console", response_type: "code", redirect_uri: redirectUri,
    scope: "openid offline_access read write", code_challenge: challenge, code_challenge_method: "S256", state: "burst" })}`;
  const toLogin = await get(authorize);
  const page = await get(toLogin.headers.get("location"));
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&amp;/g, "&").replace(/&#x2B;/g, "+").replace(/&#x2F;/g, "/").replace(/&#x3D;/g, "="));
  form.set("username", userName);
  form.set("password", password);
  const posted = await fetch(new URL("/account/login", base), { method: "POST", redirect: "manual", body: form,
    headers: { Cookie: cookieHeader(), "Content-Type": "application/x-www-form-urlencoded" } });
  keep(posted);
  if (posted.status !== 302) throw new Error(`login of ${userName}: HTTP ${posted.status}`);
  const back = await get(posted.headers.get("location"));
  const code = new URL(back.headers.get("location")).searchParams.get("code");
  const token = await fetch(new URL("/connect/token", base), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: "minsheng-console", code_verifier: verifier }) }).then((r) => r.json());
  if (!token.access_token) throw new Error(`no token for ${userName}: ${JSON.stringify(token)}`);
  return { Authorization: `Bearer ${token.access_token}` };
}
