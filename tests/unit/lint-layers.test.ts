import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs (eslint-rules/layers.mjs), run through ESLint's own API on
// small fixtures that each break one zone (and some that keep to them), so that a change to the
// config or to a plugin cannot silently stop `npm run lint` from refusing a wrong import.

const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer-rule messages ESLint reports for `code` as if it were the file at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => ["import/no-restricted-paths", "layers/no-server-in-client", "@typescript-eslint/no-restricted-imports"].includes(m.ruleId ?? ""))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (what: string) => `\nexport const used = [${what}];\n`;

describe("lint refuses imports against the layers", () => {
  it.each([
    ["src/lib/fixture.ts", `import { todayInCity } from "@/domain/common/calendar-day";${use("todayInCity")}`, "src/lib may import only nothing of the project"],
    ["src/lib/fixture.ts", `import { loadMessages } from "@/i18n/load-messages";${use("loadMessages")}`, "src/lib may import only"],
    ["src/lib/fixture.ts", `import { env } from "@/env";${use("env")}`, "src/lib may import only"],
    ["src/domain/fixture.ts", `import { prisma } from "@/server/db";${use("prisma")}`, "src/domain may import only src/lib"],
    ["src/domain/fixture.ts", `import { ConfirmAction } from "@/components/ui/confirm-action";${use("ConfirmAction")}`, "src/domain may import only src/lib"],
    ["src/domain/fixture.ts", `import { NAV_ITEMS } from "@/features/shell/navigation";${use("NAV_ITEMS")}`, "src/domain may import only src/lib"],
    ["src/domain/fixture.ts", `import { loadMessages } from "@/i18n/load-messages";${use("loadMessages")}`, "src/domain may import only src/lib"],
    ["src/domain/fixture.ts", `import { Prisma } from "@/generated/prisma/client";${use("Prisma")}`, "import Prisma's generated client as `import type` only"],
    ["src/i18n/fixture.ts", `import { ROLES } from "@/domain/authz/matrix";${use("ROLES")}`, "src/i18n may import only src/lib"],
    ["src/components/fixture.tsx", `import { NAV_ITEMS } from "@/features/shell/navigation";${use("NAV_ITEMS")}`, "src/components may import only"],
    ["src/components/fixture.tsx", `import { prisma } from "@/server/db";${use("prisma")}`, "src/components may import only"],
    ["src/server/fixture.ts", `import { NAV_ITEMS } from "@/features/shell/navigation";${use("NAV_ITEMS")}`, "src/server may import only"],
    ["src/server/fixture.ts", `import { ConfirmAction } from "@/components/ui/confirm-action";${use("ConfirmAction")}`, "src/server may import only"],
    ["src/server/fixture.ts", `import Layout from "@/app/(portal)/layout";${use("Layout")}`, "src/server may import only"],
    ["src/features/fixture.ts", `import Layout from "@/app/(portal)/layout";${use("Layout")}`, "Nothing imports src/app"],
    ["src/features/x/components/fixture.tsx", `"use client";\nimport { prisma } from "@/server/db";${use("prisma")}`, 'A "use client" module must not import src/server'],
    ["src/components/fixture.tsx", `"use client";\nimport type { TCurrentUser } from "@/server/auth/session";\nexport type T = TCurrentUser;\n`, 'A "use client" module must not import src/server'],
  ])("%s: %s", async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join("\n")).toContain(expected);
    // The first case pays ESLint's start-up (loading the config and the TypeScript parser), which
    // takes longer than vitest's default 5 s on a busy 2-core machine; no speed is asserted here.
  }, 60_000);

  it.each([
    ["src/app/fixture.tsx", `import { NAV_ITEMS } from "@/features/shell/navigation";\nimport { prisma } from "@/server/db";${use("NAV_ITEMS, prisma")}`],
    ["src/features/fixture.ts", `import { prisma } from "@/server/db";\nimport { ROLES } from "@/domain/authz/matrix";\nimport { Button } from "@/components/ui/button";${use("prisma, ROLES, Button")}`],
    ["src/server/fixture.ts", `import { ROLES } from "@/domain/authz/matrix";\nimport { loadMessages } from "@/i18n/load-messages";\nimport { env } from "@/env";\nimport { Prisma } from "@/generated/prisma/client";${use("ROLES, loadMessages, env, Prisma")}`],
    ["src/domain/fixture.ts", `import type { Prisma } from "@/generated/prisma/client";\nimport { parsePage } from "@/lib/pagination";\nexport type T = Prisma.PostWhereInput;${use("parsePage")}`],
    ["src/components/fixture.tsx", `import { ROLES } from "@/domain/authz/matrix";\nimport { loadMessages } from "@/i18n/load-messages";\nimport { parsePage } from "@/lib/pagination";${use("ROLES, loadMessages, parsePage")}`],
    ["src/features/x/components/fixture.tsx", `"use client";\nimport { ROLES } from "@/domain/authz/matrix";${use("ROLES")}`],
    ["src/features/x/fixture.ts", `import { prisma } from "@/server/db";${use("prisma")}`],
  ])("%s keeps to the layers", async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  }, 60_000);
});
