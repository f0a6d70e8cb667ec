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
