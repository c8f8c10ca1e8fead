import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";

/**
 * The 403 page's sentence for the reader: whoever does not manage accounts is told whom to ask (the
 * city administrator); the city administrator, who is that person, is not told to ask themselves.
 */
export async function forbiddenBody(): Promise<string> {
  const [t, user] = await Promise.all([getTranslations("errorsPage"), getCurrentUser()]);
  return user && can(user, "users.update") ? t("forbiddenBody") : t("forbiddenBodyAsk");
}
