import { localName, type TNamed } from "@/i18n/local-name";

/** What an evaluation evaluates, in the reader's script: the agency (a project's or a grading's), or the practitioner. */
export function targetLabel(e: { organization: TNamed | null; practitioner: { name: string } | null }, locale: string): string {
  return e.practitioner ? e.practitioner.name : localName(e.organization, locale);
}
