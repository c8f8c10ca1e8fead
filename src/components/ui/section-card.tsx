import type { ReactNode } from "react";
import { Card } from "./card";

/** A card that is a named section of its page with an anchor (#id), so links and notices can point at it. */
export function SectionCard({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4">
      <Card title={<span id={`${id}-heading`}>{title}</span>} actions={actions}>
        {children}
      </Card>
    </section>
  );
}
