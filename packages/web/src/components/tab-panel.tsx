import type { ComponentChildren } from "preact";

interface TabPanelProps<Id extends string> {
  id: Id;
  selected: Id;
  children: ComponentChildren;
}

/** The panel of tab `id` (see TabList): kept in the page while hidden, so its state survives. */
export function TabPanel<Id extends string>({ id, selected, children }: TabPanelProps<Id>) {
  return (
    <div id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={id !== selected}>
      {children}
    </div>
  );
}
