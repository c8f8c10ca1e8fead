import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export type TButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export const buttonClass = (variant: TButtonVariant = "primary", size: "sm" | "md" = "md") =>
  cn(
    // A button's words stay on one line; a row of buttons wraps whole buttons (see PageHeader).
    "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    size === "sm" ? "h-8 px-3 text-sm" : "h-10 px-4 text-sm",
    variant === "primary" && "bg-brand-700 text-white hover:bg-brand-800",
    variant === "secondary" && "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
    variant === "danger" && "bg-red-700 text-white hover:bg-red-800",
    variant === "ghost" && "text-slate-700 hover:bg-slate-100",
  );

export function Button({ variant = "primary", size = "md", className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant; size?: "sm" | "md" }) {
  return <button type="button" {...props} className={cn(buttonClass(variant, size), className)} />;
}
