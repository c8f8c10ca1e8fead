import { getLocale, getTranslations } from "next-intl/server";
import { getRequestMeta } from "@/server/request-meta";
import { bulkCheck } from "@/server/public-register/lookups";
import { numbersFromForm } from "@/server/public-register/input";
import { localName } from "@/i18n/local-name";
import { MAX_UPLOAD_BYTES, parseCertificateNumbers, toCsv } from "@/domain/public-register/rules";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { attachmentHeaders } from "@/lib/download";

export const dynamic = "force-dynamic";

/**
 * POST certificate numbers (form field `numbers`, an uploaded `file`, or a JSON body
 * { numbers: string[] }) → the bulk check as CSV (UTF-8 with BOM). Rate-limited like the bulk
 * page unless `receipt` proves these numbers were just checked there. Refusals are plain
 * localized text with 400, 413 or 429.
 */
export async function POST(request: Request) {
  const t = await getTranslations("publicRegister");
  const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
    new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

  let numbers: string[];
  let receipt: string | null = null;
  try {
    if ((request.headers.get("content-type") ?? "").includes("application/json")) {
      const body = (await request.json()) as { numbers?: unknown; receipt?: unknown };
      const list = Array.isArray(body.numbers) ? body.numbers.filter((n): n is string => typeof n === "string") : typeof body.numbers === "string" ? [body.numbers] : [];
      numbers = parseCertificateNumbers(list.join("\n").slice(0, MAX_UPLOAD_BYTES));
      receipt = typeof body.receipt === "string" ? body.receipt : null;
    } else {
      const form = await request.formData();
      const input = await numbersFromForm(form);
      if (!input.ok) return refuse(input.problem === "fileTooLarge" ? 413 : 400, t(`problems.${input.problem}`));
      numbers = input.numbers;
      const r = form.get("receipt");
      receipt = typeof r === "string" ? r : null;
    }
  } catch {
    return refuse(400, t("problems.empty"));
  }

  let outcome;
  try {
    outcome = await bulkCheck(numbers, (await getRequestMeta()).ip, receipt);
  } catch (error) {
    console.error("[public-register] bulk CSV failed", error);
    return refuse(500, t("problems.unexpected"));
  }
  if (!outcome.ok) {
    if (outcome.problem === "rateLimited") {
      const seconds = outcome.retryAfterSeconds ?? 3600;
      return refuse(429, t("problems.rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }), { "retry-after": String(seconds) });
    }
    return refuse(400, outcome.problem === "tooMany" ? t("problems.tooMany", { count: outcome.count ?? numbers.length }) : t(`problems.${outcome.problem}`));
  }

  const [tEnums, locale] = await Promise.all([getTranslations("enums"), getLocale()]);
  const rows = [
    [t("fields.certificateNumber"), t("fields.status"), t("fields.name"), t("fields.qualificationLevel"), t("fields.registration"), t("fields.registrationEnd"), t("fields.district")],
    ...outcome.rows.map((r) => [
      r.number,
      t(`status.${r.match?.status ?? "notFound"}`),
      r.match?.name ?? "",
      r.match ? tEnums(`qualificationLevel.${r.match.qualificationLevel}`) : "",
      r.match ? t(`registrationStatus.${r.match.registration?.status ?? "none"}`) : "",
      r.match?.registration?.periodEnd ?? "",
      r.match?.district ? localName(r.match.district, locale) : "",
    ]),
  ];
  const filename = `certificate-check-${todayInCityIso().replaceAll("-", "")}.csv`;
  return new Response(toCsv(rows), { status: 200, headers: attachmentHeaders("text/csv; charset=utf-8", filename) });
}
