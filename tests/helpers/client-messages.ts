// Reads, with TypeScript's parser, which messages each client component renders and whether the
// server wrappers that render it (withMessages in src/i18n/with-messages.tsx) provide them.
// Used by tests/unit/client-messages.test.ts.
import path from "node:path";
import ts from "typescript";

export type TSource = { file: string; text: string };

/** Namespaces whose keys are the codes actions return ("required" → validation.required). */
const CODE_NAMESPACES = ["errors", "validation", "notices"];
/** Client modules whose translations are attributed to their callers. */
const DELEGATES = new Map([
  // useMessage() returns (code, ns) => t(messageKey(code, ns)): each call names its namespace.
  ["src/i18n/use-message.ts", "useMessage"],
]);
const KEY_HELPERS: Record<string, (call: ts.CallExpression) => string | null> = {
  messageKey: (call) => literal(call.arguments[1]),
  validationKey: () => "validation",
  errorKey: () => "errors",
};

type TBinding = { imported: string; from: string; typeOnly: boolean };
type TModule = { file: string; sf: ts.SourceFile; client: boolean; imports: Map<string, TBinding> };
/** What an export of a client module renders: catalogue paths, and whether it shows codes returned by actions. */
export type TNeed = { paths: Set<string>; codes: boolean };
export type TWrapper = { file: string; line: number; target: string; exportName: string; listed: string[] };

export type TReport = {
  /** Every client export that renders messages, as "file#export" → the namespaces a wrapper must provide. */
  required: Map<string, string[]>;
  wrappers: TWrapper[];
  rootNamespaces: string[] | null;
  problems: string[];
};

function literal(node: ts.Node | undefined): string | null {
  if (!node) return null;
  node = unwrap(node);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

function unwrap(node: ts.Node): ts.Node {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
}

function isClient(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false;
    if (st.expression.text === "use client") return true;
  }
  return false;
}

const lineOf = (node: ts.Node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
const where = (file: string, node: ts.Node) => `${file}:${lineOf(node)}`;

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** Dotted paths of the catalogue that hold sub-trees (namespaces), e.g. "posts", "enums.practiceField". */
export function namespacesOf(catalogue: object, prefix = "", out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(catalogue)) {
    if (typeof v === "object" && v !== null) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      namespacesOf(v, p, out);
    }
  }
  return out;
}

/** A listed namespace provides a path when it is the path or one of its ancestors. */
export const covers = (listed: readonly string[], p: string) => listed.some((l) => p === l || p.startsWith(`${l}.`));

export function analyse(sources: TSource[], catalogue: object): TReport {
  const namespaces = namespacesOf(catalogue);
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const modules = new Map<string, TModule>();
  const problems: string[] = [];

  function resolve(from: string, spec: string): string | null {
    let base: string;
    if (spec.startsWith("@/")) base = `src/${spec.slice(2)}`;
    else if (spec.startsWith(".")) base = path.posix.join(path.posix.dirname(from), spec);
    else return null;
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (byFile.has(c)) return c;
    return null;
  }

  for (const { file, text } of sources) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const imports = new Map<string, TBinding>();
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
      const from = resolve(file, st.moduleSpecifier.text) ?? st.moduleSpecifier.text;
      const clause = st.importClause;
      if (clause.name) imports.set(clause.name.text, { imported: "default", from, typeOnly: clause.isTypeOnly });
      const nb = clause.namedBindings;
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) imports.set(el.name.text, { imported: (el.propertyName ?? el.name).text, from, typeOnly: clause.isTypeOnly || el.isTypeOnly });
      } else if (nb) imports.set(nb.name.text, { imported: "*", from, typeOnly: clause.isTypeOnly });
    }
    modules.set(file, { file, sf, client: isClient(sf), imports });
  }

  // ---- what each export of a client module renders -------------------------------------------
  const needs = new Map<string, TNeed>();
  const computing = new Set<string>();

  /** Top-level exports of a module with the node whose body is theirs. */
  function exportsOf(m: TModule): Map<string, ts.Node> {
    const out = new Map<string, ts.Node>();
    for (const st of m.sf.statements) {
      const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
      if (!mods?.some((x) => x.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = mods.some((x) => x.kind === ts.SyntaxKind.DefaultKeyword);
      if (ts.isFunctionDeclaration(st)) out.set(isDefault ? "default" : (st.name?.text ?? "default"), st);
      else if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, d);
    }
    return out;
  }

  function needOf(file: string, exportName: string): TNeed {
    const id = `${file}#${exportName}`;
    const known = needs.get(id);
    if (known) return known;
    const m = modules.get(file);
    const empty: TNeed = { paths: new Set(), codes: false };
    if (!m || !m.client || DELEGATES.get(file) === exportName || computing.has(id)) return empty;
    computing.add(id);
    const inScope = (n: ts.Node) => {
      // A use inside another export belongs to that export; a use outside every export (a helper
      // component or constant of the module) may serve any of them.
      for (const [name, node] of exportsOf(m)) if (n.pos >= node.pos && n.end <= node.end) return name === exportName;
      return true;
    };
    const need: TNeed = { paths: new Set(), codes: false };
    for (const use of translationsIn(m)) {
      if (!inScope(use.node)) continue;
      use.paths.forEach((p) => need.paths.add(p));
      need.codes ||= use.codes;
    }
    // Client components and hooks this export uses bring their own needs.
    walk(m.sf, (n) => {
      if (!ts.isIdentifier(n) || !inScope(n) || isDeclarationName(n)) return;
      const b = m.imports.get(n.text);
      if (!b || b.typeOnly || !modules.get(b.from)?.client) return;
      const inner = needOf(b.from, b.imported);
      inner.paths.forEach((p) => need.paths.add(p));
      need.codes ||= inner.codes;
    });
    computing.delete(id);
    needs.set(id, need);
    return need;
  }

  function isDeclarationName(n: ts.Identifier): boolean {
    const p = n.parent;
    return (
      ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) ||
      ((ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isJsxAttribute(p)) && p.name === n) ||
      (ts.isVariableDeclaration(p) && p.name === n)
    );
  }

  type TTranslator = { name: string; kind: "t" | "message"; ns: string; scope: ts.Node };
  const translationCache = new Map<string, { node: ts.Node; paths: string[]; codes: boolean }[]>();

  function translationsIn(m: TModule): { node: ts.Node; paths: string[]; codes: boolean }[] {
    const cached = translationCache.get(m.file);
    if (cached) return cached;
    const translators: TTranslator[] = [];
    const scopeOf = (n: ts.Node) => {
      for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return p;
      return m.sf;
    };
    const importedAs = (local: string, name: string, from: string) => {
      const b = m.imports.get(local);
      return !!b && b.imported === name && b.from === from;
    };
    walk(m.sf, (n) => {
      if (!ts.isVariableDeclaration(n) || !ts.isIdentifier(n.name) || !n.initializer) return;
      const init = unwrap(n.initializer);
      if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return;
      const callee = init.expression.text;
      if (importedAs(callee, "useTranslations", "next-intl")) {
        const arg = init.arguments[0];
        const ns = arg ? literal(arg) : "";
        if (ns === null) problems.push(`${where(m.file, init)} useTranslations needs a literal namespace`);
        else translators.push({ name: n.name.text, kind: "t", ns, scope: scopeOf(n) });
      } else if (importedAs(callee, "useMessage", "src/i18n/use-message.ts")) {
        translators.push({ name: n.name.text, kind: "message", ns: "", scope: scopeOf(n) });
      }
    });

    const constants = new Map<string, ts.Expression>();
    for (const st of m.sf.statements) {
      if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
      }
    }
    /** Catalogue paths (relative to the translator's namespace) a key expression can read; null when it cannot tell. */
    const keys = (e: ts.Node, depth = 0): string[] | null => {
      if (depth > 8) return null;
      e = unwrap(e);
      const lit = literal(e);
      if (lit !== null) return [lit];
      if (ts.isTemplateExpression(e)) {
        const dot = e.head.text.lastIndexOf(".");
        return dot > 0 ? [e.head.text.slice(0, dot)] : null;
      }
      if (ts.isConditionalExpression(e)) return both(keys(e.whenTrue, depth + 1), keys(e.whenFalse, depth + 1));
      if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
        return both(keys(e.left, depth + 1), keys(e.right, depth + 1));
      }
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && KEY_HELPERS[e.expression.text]) {
        const ns = KEY_HELPERS[e.expression.text]!(e);
        return ns ? [ns] : null;
      }
      if (ts.isIdentifier(e) && constants.has(e.text)) return keys(constants.get(e.text)!, depth + 1);
      if ((ts.isElementAccessExpression(e) || ts.isPropertyAccessExpression(e)) && ts.isIdentifier(e.expression) && constants.has(e.expression.text)) {
        const obj = unwrap(constants.get(e.expression.text)!);
        if (!ts.isObjectLiteralExpression(obj)) return null;
        let out: string[] | null = [];
        for (const p of obj.properties) out = both(out, ts.isPropertyAssignment(p) ? keys(p.initializer, depth + 1) : null);
        return out;
      }
      return null;
    };
    const both = (a: string[] | null, b: string[] | null) => (a && b ? [...a, ...b] : null);

    const uses: { node: ts.Node; paths: string[]; codes: boolean }[] = [];
    walk(m.sf, (n) => {
      if (!ts.isIdentifier(n) || isDeclarationName(n)) return;
      const tr = translators
        .filter((x) => x.name === n.text && n.pos >= x.scope.pos && n.end <= x.scope.end)
        .sort((a, b) => a.scope.end - a.scope.pos - (b.scope.end - b.scope.pos))[0];
      if (!tr) return;
      let call: ts.CallExpression | undefined;
      if (ts.isCallExpression(n.parent) && n.parent.expression === n) call = n.parent;
      else if (ts.isPropertyAccessExpression(n.parent) && ts.isCallExpression(n.parent.parent) && n.parent.parent.expression === n.parent) call = n.parent.parent;
      if (!call) return void problems.push(`${where(m.file, n)} "${n.text}" translates out of sight (passed on instead of called)`);
      if (tr.kind === "message") {
        const ns = literal(call.arguments[1]);
        if (!ns) return void problems.push(`${where(m.file, call)} give ${n.text}(code, ns) a literal namespace`);
        return void uses.push({ node: call, paths: [ns], codes: true });
      }
      const rel = call.arguments[0] ? keys(call.arguments[0]) : null;
      if (!rel && !tr.ns) return void problems.push(`${where(m.file, call)} cannot tell which messages ${call.getText().slice(0, 80)} reads: use a literal key, a template with a literal "namespace." head, or messageKey()`);
      const paths = rel ? rel.map((k) => (tr.ns ? `${tr.ns}.${k}` : k)) : [tr.ns];
      uses.push({ node: call, paths, codes: paths.some((p) => CODE_NAMESPACES.includes(p)) });
    });
    translationCache.set(m.file, uses);
    return uses;
  }

  /**
   * Codes an action returns may be a feature's own ("posts.validation.orgKind"): a component that
   * shows codes gets the errors, validation and notices of every feature namespace it reads.
   */
  function required(need: TNeed): string[] {
    const out = new Set(need.paths);
    if (need.codes) {
      for (const p of need.paths) {
        const parts = p.split(".");
        if (CODE_NAMESPACES.includes(parts[0]!) || parts[0] === "common") continue;
        for (let k = 1; k <= parts.length; k++) {
          for (const c of CODE_NAMESPACES) {
            const candidate = `${parts.slice(0, k).join(".")}.${c}`;
            if (namespaces.has(candidate)) out.add(candidate);
          }
        }
      }
    }
    return [...out].sort();
  }

  // ---- wrappers and the places that render client components ----------------------------------
  const wrappers: TWrapper[] = [];
  let rootNamespaces: string[] | null = null;
  const isWrapperModule = (file: string) => [...(modules.get(file)?.imports.values() ?? [])].some((b) => b.from === "src/i18n/with-messages.tsx" && !b.typeOnly);
  const listOf = (node: ts.Node | undefined, file: string): string[] | null => {
    const arr = node && unwrap(node);
    if (!arr || !ts.isArrayLiteralExpression(arr)) return null;
    const items = arr.elements.map((el) => literal(el));
    if (items.some((i) => i === null)) return void problems.push(`${where(file, arr)} list the namespaces as string literals`), null;
    return items as string[];
  };

  for (const m of modules.values()) {
    if (m.client) {
      for (const [local, b] of m.imports) {
        if (!b.typeOnly && (b.from === "src/i18n/with-messages.tsx" || isWrapperModule(b.from))) {
          problems.push(`${m.file} is a client module and imports ${local} from ${b.from}, a server wrapper: import the .client file`);
        }
      }
      continue;
    }
    walk(m.sf, (n) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && m.imports.get(n.expression.text)?.from === "src/i18n/with-messages.tsx") {
        const target = n.arguments[0];
        const b = target && ts.isIdentifier(target) ? m.imports.get(target.text) : undefined;
        const listed = listOf(n.arguments[1], m.file);
        if (!b || !modules.get(b.from)?.client) return void problems.push(`${where(m.file, n)} withMessages wraps a component imported from a "use client" module`);
        if (listed) wrappers.push({ file: m.file, line: lineOf(n), target: b.from, exportName: b.imported, listed });
      }
      if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && ts.isIdentifier(n.tagName) && m.imports.get(n.tagName.text)?.from === "src/i18n/with-messages.tsx") {
        const attr = n.attributes.properties.find((a) => ts.isJsxAttribute(a) && a.name.getText() === "namespaces");
        const init = attr && ts.isJsxAttribute(attr) && attr.initializer && ts.isJsxExpression(attr.initializer) ? attr.initializer.expression : undefined;
        const listed = listOf(init, m.file);
        if (m.file === "src/app/layout.tsx" && listed) rootNamespaces = listed;
      }
    });
    // A server module may hand a translating client component only to withMessages.
    for (const [local, b] of m.imports) {
      if (b.typeOnly || !modules.get(b.from)?.client || required(needOf(b.from, b.imported)).length === 0) continue;
      walk(m.sf, (n) => {
        if (!ts.isIdentifier(n) || n.text !== local || isDeclarationName(n)) return;
        const call = n.parent;
        const wrapped = ts.isCallExpression(call) && call.arguments[0] === n && ts.isIdentifier(call.expression) && m.imports.get(call.expression.text)?.from === "src/i18n/with-messages.tsx";
        if (!wrapped) problems.push(`${where(m.file, n)} renders the client component ${local} without its messages: export withMessages(${local}, [...]) from a wrapper and use that`);
      });
    }
    for (const st of m.sf.statements) {
      if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const from = resolve(m.file, st.moduleSpecifier.text);
        const names = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ["*"];
        if (from && modules.get(from)?.client && names.length) problems.push(`${where(m.file, st)} re-exports ${names.join(", ")} from the client module ${from}: wrap it with withMessages`);
      }
    }
  }

  // ---- every wrapper covers what its component renders -----------------------------------------
  for (const w of wrappers) {
    const need = required(needOf(w.target, w.exportName));
    const missing = need.filter((p) => !covers(w.listed, p));
    if (missing.length) problems.push(`${w.file}:${w.line} withMessages(${w.exportName}) lacks ${missing.join(", ")}`);
    const unknown = w.listed.filter((l) => !namespaces.has(l));
    if (unknown.length) problems.push(`${w.file}:${w.line} withMessages(${w.exportName}) lists ${unknown.join(", ")}, not namespaces of the catalogue`);
    const unused = w.listed.filter((l) => !need.some((p) => p === l || p.startsWith(`${l}.`) || l.startsWith(`${p}.`)));
    if (unused.length) problems.push(`${w.file}:${w.line} withMessages(${w.exportName}) lists ${unused.join(", ")}, which it does not render`);
  }
  // Next renders the client files of src/app (error.tsx) itself, under the root layout's provider.
  for (const m of modules.values()) {
    if (!m.client || !m.file.startsWith("src/app/")) continue;
    for (const name of exportsOf(m).keys()) {
      const missing = required(needOf(m.file, name)).filter((p) => !covers(rootNamespaces ?? [], p));
      if (missing.length) problems.push(`${m.file} renders ${missing.join(", ")}, which the root layout's MessagesProvider does not provide`);
    }
  }
  for (const m of modules.values()) if (m.client) for (const name of exportsOf(m).keys()) needOf(m.file, name);
  const requiredById = new Map([...needs].filter(([, n]) => n.paths.size > 0).map(([id, n]) => [id, required(n)]));

  return { required: requiredById, wrappers, rootNamespaces, problems: [...new Set(problems)] };
}
