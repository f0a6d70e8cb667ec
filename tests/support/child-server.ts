/**
 * The production server (app/server/main.ts over build/) as a child process on a scratch database
 * and a port of its own, for tests that must kill it. Every wait is on a state: the server's
 * "running" line, a process exit, a response; never on a timer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BUILD_INDEX = path.join(ROOT, "build/index.js");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ChildServer {
  process: ChildProcess;
  base: string;
  /** Resolves when the process has ended (by itself or killed). */
  exited: Promise<void>;
}

/** Starts the server and resolves once it prints that it listens and /healthz answers 200. */
export async function startServer(databasePath: string, port: number): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      KADAM_SECURE_COOKIES: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let log = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Kadam is running")) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    void exited.then(() => reject(new Error(`the server exited before listening:\n${log}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/healthz`);
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  return { process: child, base, exited };
}

/** Signs in over HTTP and returns the Cookie header to send (every cookie the login set). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (res.status !== 302 && res.status !== 303) throw new Error(`login answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
