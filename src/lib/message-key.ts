import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";

/** Every leaf key of the catalogue (typed through next-intl's AppConfig, src/i18n/app-config.d.ts). */
export type TMessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** Where a plain code lives: form errors, field errors, success notices. */
export type TCodeNamespace = "validation" | "errors" | "notices";

/** The catalogue key a code stands for: a plain code under `ns`, a dotted one as it is. */
export type TKeyOfCode<C extends string, N extends TCodeNamespace> = C extends `${string}.${string}` ? C : `${N}.${C}`;

/**
 * Codes that actions and schemas return are catalogue keys. A plain code ("required") is a shared
 * key under the given namespace ("validation.required"); a dotted code is already a full key in a
 * feature's namespace ("posts.validation.orgKind", "staff.import.rowErrors.otherEmployer").
 * The result is typed, so `t(messageKey(code, ns))` fails the typecheck for a code with no message.
 */
export function messageKey<C extends string, N extends TCodeNamespace>(code: C, ns: N): TKeyOfCode<C, N> {
  return (code.includes(".") ? code : `${ns}.${code}`) as TKeyOfCode<C, N>;
}

/** `C` when every code in it has a message under `ns`; otherwise never, so the call fails the typecheck. */
export type TTranslatableCode<C extends string, N extends TCodeNamespace> = [TKeyOfCode<C, N>] extends [TMessageKey] ? C : never;
