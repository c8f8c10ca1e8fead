import { redirect } from "next/navigation";

/** /public is the public register's front door: its search. */
export default function PublicIndex() {
  redirect("/public/verify");
}
