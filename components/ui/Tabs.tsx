import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
  render: () => ComponentChildren;
}

/**
 * Tabs as the WAI-ARIA pattern has them: a tablist whose selected tab is the one Tab stop;
 * Left/Right (and Home/End) move between tabs and show each; only the shown panel is rendered.
 */
export function Tabs({ label, tabs, initial }: { label: string; tabs: TabDef[]; initial?: string }) {
  const [current, setCurrent] = useState(initial ?? tabs[0]?.id ?? '');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (id: string, focus = false) => {
    setCurrent(id);
    if (focus) refs.current[id]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    select(tabs[to]!.id, true);
  };
  const shown = tabs.find((tab) => tab.id === current) ?? tabs[0];
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === shown?.id}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === shown?.id ? 0 : -1}
            onClick={() => select(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {shown && (
        <div role="tabpanel" id={`tabpanel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
          {shown.render()}
        </div>
      )}
    </>
  );
}
