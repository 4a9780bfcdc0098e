import type { ComponentChildren } from 'preact';

/** A labelled form control: the label is tied to the control for screen readers. */
export function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div>
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
