// Equality check of bench/run.sh: the three servers must return the same page for sampled tenants (after
// normalizing their JSON shapes) and nothing without a tenant.
//   node check.mjs <facts.json> <out.json> minsheng=<url> postgraphile=<url> floor=<url>
import { readFileSync, writeFileSync } from "node:fs";
import { firstDifference, normalize, post } from "./lib.mjs";

const [factsPath, outPath, ...serverArgs] = process.argv.slice(2);
const facts = JSON.parse(readFileSync(factsPath, "utf8"));
const servers = Object.fromEntries(serverArgs.map((a) => a.split(/=(.*)/s).slice(0, 2)));
const names = Object.keys(servers);
const reference = names[0];

const rotation = facts.tenants;
const sampled = [...new Set([
  rotation[0], rotation[Math.floor(rotation.length / 3)], rotation[Math.floor((2 * rotation.length) / 3)], rotation[rotation.length - 1],
  facts.largeTenant,
])];

const problems = [];
const tenants = [];
for (const tenant of sampled) {
  const answers = {};
  for (const name of names) {
    const r = await post(servers[name], name, tenant);
    answers[name] = { status: r.status, ...normalize(name, r.json) };
    if (r.status !== 200) problems.push(`${name} ${tenant}: HTTP ${r.status}`);
    if (answers[name].error) problems.push(`${name} ${tenant}: ${answers[name].error}`);
  }
  const ref = answers[reference];
  const entry = { tenant, items: ref.items?.length ?? null, equalTo: {} };
  if (ref.items && ref.items.length !== 20) problems.push(`${reference} ${tenant}: ${ref.items.length} items, expected 20`);
  for (const name of names.slice(1)) {
    const other = answers[name];
    const diff = ref.items && other.items ? firstDifference(ref.items, other.items) : "no items to compare";
    entry.equalTo[name] = diff === null ? true : diff;
    if (diff !== null) problems.push(`${tenant}: ${reference} and ${name} differ: ${diff}`);
  }
  entry.sample = ref.items?.[0] ?? null;
  tenants.push(entry);
}

const noTenant = {};
for (const name of names) {
  const r = await post(servers[name], name, null);
  const n = normalize(name, r.json);
  noTenant[name] = { status: r.status, items: n.items?.length ?? null, error: n.error ?? null };
  // Minsheng refuses an unsigned request for tenant data outright (401): even less than an empty list.
  const refused = name === "minsheng" && r.status === 401 && !r.json?.data;
  if (!refused && (n.items === undefined || n.items.length !== 0)) problems.push(`${name} without a tenant: ${n.items?.length ?? n.error} items`);
}

const result = { ok: problems.length === 0, reference, sampledTenants: sampled, tenants, noTenant, problems };
writeFileSync(outPath, JSON.stringify(result, null, 2));
for (const t of tenants) console.log(`  ${t.tenant}: ${t.items} projects; ${Object.entries(t.equalTo).map(([k, v]) => `${k} ${v === true ? "same" : "DIFFERENT"}`).join(", ")}`);
console.log(`  without a tenant: ${Object.entries(noTenant).map(([k, v]) => `${k} HTTP ${v.status}, ${v.items ?? v.error} items`).join("; ")}`);
console.log(result.ok ? "  equality check passed" : `  equality check FAILED:\n    ${problems.join("\n    ")}`);
process.exit(result.ok ? 0 : 1);
