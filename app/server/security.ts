import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * Security headers for every response. Scripts run only with the per-request nonce that
 * Remix puts on its own inline scripts; no third-party origins at all.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a state-changing request comes from a page of another origin (CSRF). */
export function isForeignOrigin(method: string, origin: string | undefined, host: string | undefined, fetchSite?: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (fetchSite === "cross-site") return true;
  if (!origin) return false; // non-browser clients; browsers always send Origin on POST
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function rejectForeignOrigin(req: Request, res: Response, next: NextFunction) {
  const fetchSite = req.get("sec-fetch-site");
  if (isForeignOrigin(req.method, req.get("origin"), req.get("host"), fetchSite)) {
    res.status(403).type("text/plain; charset=utf-8").send("403 Forbidden: cross-origin request refused / запрос с чужого сайта отклонён");
    return;
  }
  next();
}

/** The largest body any route accepts (a program file upload, 10 MB, with its form around it). */
export const MAX_REQUEST_BYTES = 11 * 1024 * 1024;
const FORM_BODY_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Bodies no route can use are refused before Remix reads a byte: over the largest upload (413), or
 * not a form at all (415; JSON on a form action used to answer 500). Each action then holds its
 * body to its own size and schema (app/http/read-form.server.ts).
 */
export function refuseUnusableBodies(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return next();
  const length = Number(req.get("content-length") ?? "0");
  const hasBody = length > 0 || req.get("transfer-encoding") !== undefined;
  if (length > MAX_REQUEST_BYTES) {
    res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send("413: request too large / запрос слишком большой");
    return;
  }
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (hasBody && !FORM_BODY_TYPES.has(type)) {
    res.status(415).type("text/plain; charset=utf-8").send("415: only form data is accepted / принимаются только данные форм");
    return;
  }
  next();
}

/** What is read and thrown away of a refused body before its connection is closed. */
const LINGER_BYTES = 2 * 1024 * 1024;
const LINGER_MS = 2000;

/**
 * A request answered before its body was read (a 413, a 403 before the form, a refused upload)
 * leaves the client still sending and nobody reading: both would wait until a timeout. Once the
 * answer is out, the rest of the body is read and thrown away, up to a bound, so the client sees
 * the answer and the connection stays usable; past the bound or the time, the connection is dropped.
 */
export function closeAfterUnreadBody(req: Request, res: Response, next: NextFunction) {
  // Answered with part of the body unread: the client must not send its next request on this
  // connection, or the server would take that request for the rest of this body.
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!req.complete && !res.headersSent) res.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  res.once("finish", () => {
    const socket = req.socket;
    if (req.complete || !socket || socket.destroyed) return;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    req.once("end", () => clearTimeout(timer));
    socket.once("close", () => clearTimeout(timer));
    let drained = 0;
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) socket.destroy();
    });
    req.resume();
  });
  next();
}
