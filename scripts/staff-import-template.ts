// Writes the staff-import template in one language, as the portal serves it, without a server:
//   npx tsx scripts/staff-import-template.ts zh-Hans /tmp/template.xlsx
// tests/fixtures/staff-import/generate.sh uses it to re-save the template with other programs.
import fs from "node:fs";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/load-messages";
import { isLocale } from "@/lib/locales";
import { templateWorkbook } from "@/server/staff-import/template";

const [locale = "zh-Hans", out] = process.argv.slice(2);
if (!isLocale(locale) || !out) {
  console.error("usage: tsx scripts/staff-import-template.ts <zh-Hans|zh-Hant|en> <out.xlsx>");
  process.exit(2);
}
const t = createTranslator({ locale, messages: loadMessages(locale) as never });
fs.writeFileSync(out, await templateWorkbook(t as never));
