"use server";

import { formAction } from "@/features/action";
import { checkSpotItem, drawSpotCheck } from "@/server/spot-checks/draws";
import { ZCheckSpotItem, ZDrawSpotCheck } from "@/domain/spot-checks/schemas";

export const drawSpotCheckAction = formAction({
  permission: "spotChecks.draw",
  schema: ZDrawSpotCheck,
  run: (input) => drawSpotCheck(input),
  revalidate: ["/spot-checks"],
  done: (r) => ({ redirect: `/spot-checks/${r.id}?notice=drawn` }),
});

export const checkSpotItemAction = formAction({
  permission: "spotChecks.check",
  schema: ZCheckSpotItem,
  run: (input) => checkSpotItem(input),
  revalidate: (_, r) => ["/spot-checks", `/spot-checks/${r.drawId}`],
  done: (r) => ({ redirect: `/spot-checks/${r.drawId}?notice=checked` }),
});
