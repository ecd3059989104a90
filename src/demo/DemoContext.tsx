import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DemoController, DemoSettings } from './controller';

export const DemoContext = createContext<DemoController | null>(null);

/** The demo's controller (exchange, settings, scenario link). */
export function useDemo(): DemoController {
  const c = useContext(DemoContext);
  if (!c) throw new Error('useDemo: outside <DemoContext.Provider>');
  return c;
}

/** The page settings, re-rendering on change. */
export function useDemoSettings(): DemoSettings {
  const c = useDemo();
  return useSyncExternalStore(c.subscribe, c.getSettings, c.getSettings);
}
