/**
 * The production server. Express (not remix-serve) because the origin check, the CSP nonce and
 * the security headers must run before any Remix action.
 */
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeAfterUnreadBody, refuseUnusableBodies, rejectForeignOrigin, securityHeaders } from "./security";

const BUILD_PATH = path.resolve("build/index.js");

export async function createApp() {
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // One hop, not `true`: with `true` Express takes the LEFT-most X-Forwarded-For entry, which the
  // client writes itself (a proxy appends to it), and could dodge the login throttle per request.
  app.set("trust proxy", process.env.KADAM_TRUST_PROXY === "1" ? 1 : false);
  app.use(compression());
  app.use(securityHeaders);
  app.use(closeAfterUnreadBody);
  // Fingerprinted assets never change: cache them for a year (slow rural connections).
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(rejectForeignOrigin);
  app.use(refuseUnusableBodies);
  app.all(
    "*",
    createRequestHandler({
      build,
      // The login throttle counts per client: req.ip is the socket's address, or the client's
      // from X-Forwarded-For when KADAM_TRUST_PROXY=1 says a proxy in front sets it.
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce as string, clientAddress: req.ip ?? req.socket.remoteAddress }),
    }),
  );
  return app;
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? "").href;
if (isMain) {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || "0.0.0.0";
  const app = await createApp();
  app.listen(port, host, () => {
    console.log(`Kadam is running at http://localhost:${port}`);
  });
}
