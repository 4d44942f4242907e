// Starts PostGraphile with graphile.config.mjs on 127.0.0.1 (node's http server + grafserv).
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
const { host, port } = preset.grafserv;
server.listen(port, host, () => console.log(`PostGraphile listening on http://${host}:${port}/graphql`));

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
