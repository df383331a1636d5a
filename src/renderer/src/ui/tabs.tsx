/**
 * An accessible tab strip (WAI-ARIA tabs): arrow keys, Home and End move between tabs, which
 * activate as they get focus. The panels are the parent's, rendered with {@link tabPanelProps}.
 */
import { useRef } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';

/** A tab's id and label, with the count and alert mark the strip shows after the label. */
export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** A number shown after the label (events, exchanges). */
  count?: number;
  /** Marks the tab when something needs attention in it (a failed webhook). */
  alert?: boolean;
}

/** Props of {@link Tabs}. */
export interface TabsProps<T extends string> {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect(id: T): void;
}

/** The id of a tab's element, for `aria-labelledby`. */
export const tabId = (id: string): string => `tab-${id}`;
/** The id of a tab's panel, for `aria-controls`. */
export const panelId = (id: string): string => `panel-${id}`;

/** Attributes of the panel of tab `id`. */
export function tabPanelProps(id: string, selected: string) {
  return {
    role: 'tabpanel',
    id: panelId(id),
    'aria-labelledby': tabId(id),
    hidden: id !== selected,
  } as const;
}

/** The tab buttons; arrow keys, Home and End select another tab and move focus to it. */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: TabsProps<T>): ReactElement {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === selected);
    let next: number;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const current = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={current}
            aria-controls={panelId(tab.id)}
            tabIndex={current ? 0 : -1}
            className={`tabs__tab${current ? ' is-current' : ''}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && tab.count > 0 && (
              <span className={`count${tab.alert ? ' count--alert' : ''}`}>{tab.count}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
