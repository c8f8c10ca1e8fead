// The one-way layers of docs (README "Architecture"): app → features → server → domain → lib,
// components → domain, lib, i18n; i18n → lib. `import/no-restricted-paths` forbids each layer the
// folders it must not reach; two rules of our own cover what a path alone cannot say.
// tests/unit/lint-layers.test.ts breaks every zone on purpose and expects the error.

const S = "./src";

/** Folders (and files) a layer must not import from, with the reason shown in the error. */
const forbidden = {
  lib: ["app", "features", "server", "domain", "components", "i18n", "generated", "env.ts"],
  domain: ["app", "features", "server", "components", "i18n", "env.ts"],
  i18n: ["app", "features", "server", "domain", "components", "generated", "env.ts"],
  components: ["app", "features", "server", "generated", "env.ts"],
  server: ["app", "features", "components"],
  features: ["app"],
};

const allowed = {
  lib: "nothing of the project",
  domain: "src/lib (and Prisma types with `import type`)",
  i18n: "src/lib",
  components: "src/domain, src/i18n, src/lib",
  server: "src/domain, src/i18n, src/lib, src/env.ts and the generated Prisma client",
  features: "src/server, src/domain, src/components, src/i18n, src/lib",
};

export const layerZones = [
  ...Object.entries(forbidden).flatMap(([layer, targets]) =>
    targets.map((from) => ({
      target: `${S}/${layer}`,
      from: `${S}/${from}`,
      message: `src/${layer} may import only ${allowed[layer]} (one-way layers; see README "Architecture").`,
    })),
  ),
  // Nothing imports src/app; files at the root of src (proxy, instrumentation) are entry points too.
  {
    target: `${S}/!(app)/**/*`,
    from: `${S}/app`,
    message: "Nothing imports src/app: pages, layouts and routes are entry points.",
  },
];

/** A "use client" module never imports src/server: server code (and its secrets) must not reach the browser bundle. */
const noServerInClient = {
  meta: {
    type: "problem",
    docs: { description: 'Files marked "use client" must not import src/server' },
    schema: [],
    messages: { server: 'A "use client" module must not import src/server ("{{source}}"): pass the data or a server action in as props.' },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source && typeof node.source.value === "string" ? node.source.value : null;
      if (source && (/^@\/server(\/|$)/.test(source) || /(^|\/)src\/server(\/|$)/.test(source))) {
        context.report({ node, messageId: "server", data: { source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layersPlugin = { rules: { "no-server-in-client": noServerInClient } };
