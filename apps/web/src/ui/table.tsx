// A data table in a horizontally scrollable, keyboard-focusable region, so wide tables never widen
// the page on a phone.
import type { ReactNode } from "react";

export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{label}</caption>
        {children}
      </table>
    </section>
  );
}
