import Link from "next/link";
import type { TPostDetail } from "@/server/posts/queries";

/** The holder's name, a link to their profile only when the caller may read it. */
export function AssignmentPerson({ assignment: a }: { assignment: TPostDetail["assignments"][number] }) {
  return a.canOpenPractitioner ? (
    <Link href={`/practitioners/${a.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{a.practitioner.name}</Link>
  ) : (
    <span className="font-medium">{a.practitioner.name}</span>
  );
}
