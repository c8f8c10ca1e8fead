import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";

/** Every leaf key of the catalogue (typed through next-intl's AppConfig, src/i18n/app-config.d.ts). */
export type TMessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** Where a plain code lives: form errors, field errors, success notices. */
export type TCodeNamespace = "validation" | "errors" | "notices";

/** A code without the number it may carry ("tooLong:64" → "tooLong"). */
type TBareCode<C extends string> = C extends `${infer B}:${string}` ? B : C;

/** The catalogue key a code stands for: a plain code under `ns`, a dotted one as it is. */
export type TKeyOfCode<C extends string, N extends TCodeNamespace> = TKeyOfBareCode<TBareCode<C>, N>;
type TKeyOfBareCode<B extends string, N extends TCodeNamespace> = B extends `${string}.${string}` ? B : `${N}.${B}`;

/**
 * Codes that actions and schemas return are catalogue keys. A plain code ("required") is a shared
 * key under the given namespace ("validation.required"); a dotted code is already a full key in a
 * feature's namespace ("posts.validation.orgKind", "staff.import.rowErrors.otherEmployer").
 * The result is typed, so `t(messageKey(code, ns))` fails the typecheck for a code with no message.
 * A code may end with a number its message reads as {max} ("tooLong:64"): pass
 * `messageValues(code)` along, or translate with useMessage(), which does.
 */
export function messageKey<C extends string, N extends TCodeNamespace>(code: C, ns: N): TKeyOfCode<C, N> {
  const bare = code.replace(/:\d+$/, "");
  return (bare.includes(".") ? bare : `${ns}.${bare}`) as TKeyOfCode<C, N>;
}

/** The values a code's message reads: the limit a code carries ("tooLong:64" → { max: 64 }). */
export function messageValues(code: string): { max: number } | undefined {
  const m = /:(\d+)$/.exec(code);
  return m ? { max: Number(m[1]) } : undefined;
}

/** `C` when every code in it has a message under `ns`; otherwise never, so the call fails the typecheck. */
export type TTranslatableCode<C extends string, N extends TCodeNamespace> = [TKeyOfCode<C, N>] extends [TMessageKey] ? C : never;
