// Runs the portal's server (Next.js in production or development mode) as a child process and
// waits for GET /api/health.
// Shared by scripts/start.ts and scripts/e2e.ts.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface NextServer {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to Next's whole process group, SIGKILL after a grace period; idempotent. */
  stop: () => Promise<void>;
}

export function spawnNext(
  root: string,
  mode: "start" | "dev",
  opts: { port: number; hostname?: string; env: NodeJS.ProcessEnv },
): NextServer {
  // The portal's own server (scripts/portal-server.ts) in place of `next start` / `next dev`: it
  // gives the application the socket's address (issue 10, hole 4).
  const args = [path.join(root, "scripts", "portal-server.ts"), ...(mode === "dev" ? ["--dev"] : [])];
  // Own process group: tsx and `next dev` fork children, and we stop them all together and in
  // order (Next first, then the database), whatever signal reached us.
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), args, {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...opts.env, PORT: String(opts.port), ...(opts.hostname ? { HOST: opts.hostname } : {}), NEXT_TELEMETRY_DISABLED: "1" },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("error", (error) => {
      console.error(`could not start next ${mode}: ${error.message}`);
      resolve({ code: null, signal: null });
    });
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // group already gone
    }
  };
  const onExit = () => signalGroup("SIGTERM"); // if we die without stop(), do not leave Next behind
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("exit", onExit);
      const wait = (ms: number) =>
        Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup("SIGTERM");
        if (!(await wait(10_000))) {
          signalGroup("SIGKILL");
          await wait(5_000);
        }
      }
      // Workers of `next dev` may outlive the parent for a moment.
      signalGroup("SIGTERM");
    })());
  return { child, exited, stop };
}

/** Polls `url` until it answers 200; fails early if the server process exits. */
export async function waitForHealth(url: string, server: NextServer, timeoutMs: number): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (gone) throw new Error(`Next exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
      if (res.status === 200) {
        await res.body?.cancel();
        return;
      }
      last = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
