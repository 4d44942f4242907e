// Single-request probes of bench/run.sh (no load):
//   node probe.mjs body <server> <out file>
//       writes the POST body of the load runs.
//   node probe.mjs requests <server> <url> <tenants file> <n>
//       n sequential requests rotating over the tenants; prints JSON: failures, the X-Sql-* headers of the
//       last response, median latency.
//   node probe.mjs pages <facts.json> <out dir> <deep page number> <samples> minsheng=<url> postgraphile=<url>
//       walks the large tenant's pages with `after` up to the deep page; times the first and the deep page
//       (sequential, client-side), compares the deep pages of the servers, and writes the bodies
//       <server>-first.json / <server>-deep.json for load runs of those pages, plus pages.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { body, firstDifference, median, normalize, percentile, post } from "./lib.mjs";

const [command, ...args] = process.argv.slice(2);

if (command === "body") {
  const [server, out] = args;
  writeFileSync(out, body(server));
} else if (command === "requests") {
  const [server, url, tenantsFile, n] = args;
  const tenants = readFileSync(tenantsFile, "utf8").split(/\s+/).filter(Boolean);
  let failures = 0;
  const times = [];
  let last;
  for (let i = 0; i < Number(n); i++) {
    last = await post(url, server, tenants[i % tenants.length]);
    times.push(last.ms);
    if (last.status !== 200 || !last.json || last.json.errors) failures++;
  }
  console.log(JSON.stringify({
    requests: Number(n),
    failures,
    sqlStatements: last.headers.get("x-sql-statements") ? Number(last.headers.get("x-sql-statements")) : null,
    sqlRoundTrips: last.headers.get("x-sql-round-trips") ? Number(last.headers.get("x-sql-round-trips")) : null,
    medianMs: Number(median(times).toFixed(3)),
  }));
} else if (command === "pages") {
  const [factsPath, outDir, deepArg, samplesArg, ...serverArgs] = args;
  const facts = JSON.parse(readFileSync(factsPath, "utf8"));
  const servers = Object.fromEntries(serverArgs.map((a) => a.split(/=(.*)/s).slice(0, 2)));
  const tenant = facts.largeTenant;
  const deep = Number(deepArg);
  const samples = Number(samplesArg);
  const result = { tenant, pageSize: 20, deepPage: deep, samples, servers: {} };
  const deepItems = {};
  for (const [server, url] of Object.entries(servers)) {
    // Walk to the deep page with the server's own cursors.
    let after = null;
    let page = null;
    for (let k = 1; k <= deep; k++) {
      const variables = after ? { first: 20, after } : { first: 20 };
      const r = await post(url, server, tenant, variables);
      page = { k, variables, response: r, normalized: normalize(server, r.json) };
      if (page.normalized.error) throw new Error(`${server} page ${k}: ${page.normalized.error}`);
      if (k === 1) result.servers[server] = { first: { items: page.normalized.items.length } };
      after = page.normalized.endCursor;
      if (k < deep && !page.normalized.hasNextPage) throw new Error(`${server}: no page ${k + 1}`);
    }
    deepItems[server] = page.normalized.items;
    const deepVariables = page.variables;
    writeFileSync(join(outDir, `${server}-first.json`), body(server, { first: 20 }));
    writeFileSync(join(outDir, `${server}-deep.json`), body(server, deepVariables));

    for (const [which, variables] of [["first", { first: 20 }], ["deep", deepVariables]]) {
      const times = [];
      let last;
      for (let i = 0; i < samples + 3; i++) {
        last = await post(url, server, tenant, variables);
        if (i >= 3) times.push(last.ms); // the first three warm the path
      }
      const n = normalize(server, last.json);
      result.servers[server][which] = {
        items: n.items?.length ?? null,
        firstItem: n.items?.[0]?.name ?? null,
        medianMs: Number(median(times).toFixed(3)),
        p90Ms: Number(percentile(times, 90).toFixed(3)),
        sqlStatements: last.headers.get("x-sql-statements") ? Number(last.headers.get("x-sql-statements")) : null,
        sqlRoundTrips: last.headers.get("x-sql-round-trips") ? Number(last.headers.get("x-sql-round-trips")) : null,
        error: n.error ?? null,
      };
    }
  }
  const names = Object.keys(deepItems);
  result.deepPagesEqual = names.length < 2 ? null : firstDifference(deepItems[names[0]], deepItems[names[1]]) ?? true;
  writeFileSync(join(outDir, "pages.json"), JSON.stringify(result, null, 2));
  for (const [server, r] of Object.entries(result.servers))
    console.log(`  ${server}: first page ${r.first.medianMs} ms (${r.first.items} items), page ${deep} ${r.deep.medianMs} ms (${r.deep.items} items)` +
      (r.first.sqlStatements != null ? `, statements ${r.first.sqlStatements}/${r.deep.sqlStatements}` : ""));
  console.log(`  page ${deep} of the two servers: ${result.deepPagesEqual === true ? "same" : result.deepPagesEqual}`);
} else {
  console.error("usage: probe.mjs body|requests|pages ...");
  process.exit(2);
}
