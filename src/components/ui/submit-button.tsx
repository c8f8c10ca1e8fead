"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClass, type TButtonVariant } from "./button";
import { cn } from "./cn";

/** A submit button that shows progress and blocks double submission while its form is pending. */
export function SubmitButton({ children, pendingLabel, variant = "primary", className, size = "md" }: { children: ReactNode; pendingLabel: string; variant?: TButtonVariant; className?: string; size?: "sm" | "md" }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={cn(buttonClass(variant, size), className)}>
      {pending ? (
        <>
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
          <span>{pendingLabel}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
