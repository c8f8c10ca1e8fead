import fs from "node:fs";
import path from "node:path";
import type { TLocale } from "@/lib/locales";

// A locale's catalogue is messages/<locale>.json plus one file per feature namespace in
// messages/<locale>/<namespace>.json, so features add their wording without touching a shared file.
const cache = new Map<string, Record<string, unknown>>();

export function loadMessages(locale: TLocale, root = process.cwd()): Record<string, unknown> {
  const key = `${root}:${locale}`;
  const hit = process.env.NODE_ENV === "production" ? cache.get(key) : undefined;
  if (hit) return hit;
  const dir = path.join(root, "messages");
  const messages = JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Record<string, unknown>;
  const nsDir = path.join(dir, locale);
  if (fs.existsSync(nsDir)) {
    for (const file of fs.readdirSync(nsDir).sort()) {
      if (!file.endsWith(".json")) continue;
      const ns = file.slice(0, -5);
      if (ns in messages) throw new Error(`messages/${locale}/${file}: namespace "${ns}" already exists in messages/${locale}.json`);
      messages[ns] = JSON.parse(fs.readFileSync(path.join(nsDir, file), "utf8"));
    }
  }
  cache.set(key, messages);
  return messages;
}
