import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "ghost" | "danger";
  size?: "md" | "sm";
  busy?: boolean;
}

export function Button({ variant = "secondary", size = "md", busy, className, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? "button"}
      className={["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", className ?? ""].join(" ").trim()}
      aria-busy={busy || undefined}
      disabled={busy || rest.disabled}
      {...rest}
    />
  );
}
