// Shared by the bench's node helpers: the three servers, their request bodies and one normalized shape of
// the project page so that their answers can be compared.
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
