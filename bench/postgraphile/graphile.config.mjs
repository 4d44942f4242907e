// PostGraphile 5 over the bench database: the comparison point of bench/run.sh.
// It connects as a non-owner role (NOBYPASSRLS) and runs under the same row-level security as the
// application: the X-Tenant header (a region code) is looked up once in `tenants` and becomes
// pgSettings { 'app.tenant_ids': <uuid> }, which PostGraphile sets with set_config(..., true) inside
// the request's transaction. Without a known tenant no setting is made and the policies return no rows.
import pg from "pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const connectionString = process.env.BENCH_PG_URL;
if (!connectionString) throw new Error("BENCH_PG_URL is not set");

// region code -> tenant id, read once at start (the application caches its tenant store too).
const tenantIds = new Map();
{
  const client = new pg.Client({ connectionString });
  await client.connect();
  const { rows } = await client.query("select region_code, id::text as id from tenants");
  for (const row of rows) tenantIds.set(row.region_code.trim(), row.id);
  await client.end();
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // By default PostGraphile 5 offers ordering and conditions only on indexed columns; the page orders
  // a project's units by position and its reports by period, and filters units by role.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.BENCH_PG_POOL ?? 16) },
    }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.BENCH_PORT ?? 5191),
    graphqlPath: "/graphql",
    graphiql: false,
    watch: false,
    maxRequestLength: 100_000,
  },
  grafast: {
    explain: false,
    context(requestContext) {
      const header = requestContext.node?.req?.headers?.["x-tenant"];
      const code = Array.isArray(header) ? header[0] : header;
      const id = code ? tenantIds.get(code.trim()) : undefined;
      return { pgSettings: id ? { "app.tenant_ids": id } : {} };
    },
  },
};

export default preset;
