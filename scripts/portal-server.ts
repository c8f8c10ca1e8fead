// The portal's HTTP server: Next.js through its documented custom-server API
// (https://nextjs.org/docs/app/guides/custom-server), with one job of ours in front of it: the
// socket's address goes into a private header that the application reads as the client address,
// and any copy a client sent is removed (issue 10, hole 4; src/lib/peer-address.ts). `npm start`,
// `npm run dev` and the e2e runner start it; it replaces `next start` / `next dev`.
//
//   tsx scripts/portal-server.ts [--dev]     PORT (3000), HOST (all interfaces when unset)
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { markPeerAddressStamped, stampPeerAddress } from "../src/lib/peer-address";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;

markPeerAddressStamped();
const app = next({ dev, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  stampPeerAddress(req.headers, req.socket.remoteAddress);
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  // Next's dev server uses a WebSocket for hot reloading.
  stampPeerAddress(req.headers, req.socket.remoteAddress);
  void app.getUpgradeHandler()(req, socket, head);
});
server.listen(port, hostname, () => {
  console.log(`▲ portal server (${dev ? "development" : "production"}) listening on ${hostname ?? "all interfaces"}:${port}`);
});

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  });
}
