/**
 * Tables on a phone (WCAG 1.4.10 reflow: nothing may scroll sideways at 320 px). Two dkfds ways, one per kind
 * of table: a table of labels and values, or a list where each row reads well on its own, stacks below 768 px
 * (`table--responsive-headers`, each cell naming its column in `data-title`); a table whose worth is comparing
 * numbers across columns keeps its shape and scrolls inside this region, which the keyboard can reach and a
 * screen reader names.
 */
import type { ReactNode } from 'react';

export function TableScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrolling region must take focus, or a keyboard cannot scroll it (WCAG 2.1.1).
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
