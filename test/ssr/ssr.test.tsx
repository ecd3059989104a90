// @vitest-environment node
/**
 * SSR safety: the kit imports and server-renders in plain Node (no window, no document), and every
 * source file that uses React hooks is marked 'use client' for React Server Components frameworks.
 *
 * The kit's modules are imported dynamically, inside the tests, so that the first test sees their
 * module-level code run with browser globals trapped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type IndexModule = typeof import('../../src/index');
type SimulatedModule = typeof import('../../src/simulated');

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self'];

describe('SSR: importing the entries in Node', () => {
  it('runs with no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof HTMLElement).toBe('undefined');
  });

  it('src/index.ts, src/headless.ts, src/simulated.ts and src/binance.ts touch no browser global at import', async () => {
    const reads: string[] = [];
    const saved = new Map<string, PropertyDescriptor | undefined>();
    for (const name of BROWSER_GLOBALS) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          // Only reads from the kit's own modules count (Vitest's runner may look too).
          const stack = new Error().stack ?? '';
          const kitFrame = stack.split('\n').find((line) => line.includes(`${SRC}/`) && !line.includes(__filename));
          if (kitFrame) reads.push(`${name} read at ${kitFrame.trim()}`);
          return undefined;
        },
      });
    }
    try {
      vi.resetModules();
      const entries = await Promise.all([
        import('../../src/index'),
        import('../../src/headless'),
        import('../../src/simulated'),
        import('../../src/binance'),
      ]);
      for (const entry of entries) expect(Object.keys(entry).length).toBeGreaterThan(0);
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    }
    expect(reads).toEqual([]);
  });
});

describe('SSR: renderToString', () => {
  let disposers: Array<() => void> = [];
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    for (const dispose of disposers) dispose();
    disposers = [];
    // React reports SSR problems (a hook misuse, a hydration-unsafe pattern) through console.error.
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  async function setup(prefetch: boolean) {
    const kit: IndexModule = await import('../../src/index');
    const sim: SimulatedModule = await import('../../src/simulated');
    const source = sim.createSimulatedExchange({ latencyMs: 0 });
    disposers.push(() => source.dispose());
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    disposers.push(() => queryClient.clear());
    if (prefetch) await queryClient.prefetchQuery(kit.accountQueryOptions(source));
    const wrap = (children: ReactNode) =>
      renderToString(
        <QueryClientProvider client={queryClient}>
          <kit.MarginSourceProvider source={source}>{children}</kit.MarginSourceProvider>
        </QueryClientProvider>,
      );
    return { kit, wrap };
  }

  it('renders PositionsTable while the account is loading', async () => {
    const { kit, wrap } = await setup(false);
    const html = wrap(<kit.PositionsTable locale="en" theme="dark" />);
    expect(html).toContain('<table');
    expect(html).toContain(kit.defaultMessages.positions);
    // The placeholder row (its text is the table's loading message), and no position yet.
    expect(html).toMatch(/<tbody[^>]*><tr[^>]*><td[^>]* colSpan="9"[^>]*>[^<]+<\/td><\/tr><\/tbody>/);
    expect(html).not.toContain('BTCUSDT');
  });

  it('renders PositionsTable with the rows of a prefetched account', async () => {
    const { kit, wrap } = await setup(true);
    const html = wrap(<kit.PositionsTable locale="en" theme="light" />);
    expect(html).toContain('BTCUSDT');
    expect(html).toContain('data-amk-theme="light"');
    expect(html).toMatch(/aria-label="Edit margin for BTCUSDT/);
    expect(html).not.toContain('<dialog');
  });

  it('renders a closed AdjustMarginDialog as nothing', async () => {
    const { kit, wrap } = await setup(true);
    expect(wrap(<kit.AdjustMarginDialog symbol="BTCUSDT" positionSide="LONG" open={false} />)).toBe('');
    expect(wrap(<kit.AdjustMarginDialog symbol="BTCUSDT" positionSide="LONG" />)).toBe('');
  });

  it('renders an open AdjustMarginDialog as a <dialog> without `open` (showModal runs on the client)', async () => {
    const { kit, wrap } = await setup(true);
    for (const props of [{ open: true }, { defaultOpen: true }]) {
      const html = wrap(<kit.AdjustMarginDialog symbol="BTCUSDT" positionSide="LONG" locale="de" {...props} />);
      const tag = html.match(/<dialog\b[^>]*>/)?.[0];
      expect(tag).toBeDefined();
      expect(tag).not.toMatch(/\sopen(=|\s|>)/);
      expect(html).toContain(kit.defaultMessages.title);
    }
  });

  it('renders an open AdjustMarginDialog before the account has loaded', async () => {
    const { kit, wrap } = await setup(false);
    const html = wrap(<kit.AdjustMarginDialog symbol="ETHUSDT" positionSide="SHORT" open />);
    expect(html).toMatch(/<dialog\b/);
  });
});

describe('SSR: the headless entry in a server component', () => {
  it('formats an amount in a component that uses no hook and no client code', async () => {
    const headless = await import('../../src/headless');
    // A React Server Component is an async function of its props; React renders it on the server only.
    async function MarginCell({ amount }: { amount: string }) {
      return <td>{headless.formatAmount(amount, { locale: 'de', decimals: 2, asset: 'USDT' })}</td>;
    }
    const element = await MarginCell({ amount: '1234.5' });
    const html = renderToString(
      <table>
        <tbody>
          <tr>{element}</tr>
        </tbody>
      </table>,
    );
    // By hand: 1234.5 in German with two decimals: "1.234,50", then the asset.
    expect(html).toContain('1.234,50');
    expect(html).toContain('USDT');
  });

  it('the headless entry and everything it reaches carry no directive and import no React', () => {
    const seen = new Set<string>();
    const queue = [join(SRC, 'headless.ts')];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/from ['"](react|react-dom|@tanstack\/[^'"]+)['"]/);
      expect(DIRECTIVE_RE.test(code), file).toBe(false);
      for (const m of code.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const base = resolve(dirname(file), m[1]!);
        queue.push(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts'));
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});

const DIRECTIVE_RE = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*(['"])use client\1;?/;

describe("'use client' directives", () => {
  /** The demo page is an app (src/demo/main.tsx calls createRoot), neither published nor server-rendered. */
  const NOT_LIBRARY = ['demo/'];
  const HOOK_CALL = /(?<!function\s+)\b(use[A-Z]\w*|createContext)\s*\(/;
  const DIRECTIVE = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*(['"])use client\1;?/;

  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const library = files(SRC)
    .map((file) => relative(SRC, file).split('\\').join('/'))
    .filter((rel) => !NOT_LIBRARY.some((prefix) => rel.startsWith(prefix)));
  const codeOf = (rel: string) => readFileSync(join(SRC, rel), 'utf8');
  const usesHooks = library.filter((rel) => HOOK_CALL.test(codeOf(rel).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')));

  it('finds the hook-using modules (sanity check of the scan)', () => {
    expect(usesHooks).toEqual(
      expect.arrayContaining(['ui/PositionsTable.tsx', 'react/MarginSourceProvider.tsx', 'react/useMarginLimits.ts']),
    );
  });

  it('every library file that calls a hook starts with the directive', () => {
    const missing = usesHooks.filter((rel) => !DIRECTIVE.test(codeOf(rel)));
    expect(missing, `add 'use client'; as the first statement of: ${missing.join(', ')}`).toEqual([]);
  });

  it('the pure layers (core, engine, the sources) need no directive', () => {
    const pure = usesHooks.filter(
      (rel) => rel.startsWith('core/') || rel.startsWith('engine/') || rel.startsWith('data/'),
    );
    expect(pure).toEqual([]);
  });
});
