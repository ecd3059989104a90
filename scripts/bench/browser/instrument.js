// Injected into the page before any of its scripts (Playwright `addInitScript`), in the demo page and
// in the bench page alike. Plain browser JavaScript, no imports. Records into `window.__amkBench`:
//
// - keys: one record per `input` event on an <input>: its timeStamp, when the event's JavaScript work
//   (React's handler, render and commit included) was done, the next animation frame, the end of that
//   frame (a message posted from the rAF callback runs after the frame's style, layout and paint),
//   and what that frame shows (the field's value; in the dialog, the figures and the error text).
// - commits: one record per React commit, through a minimal React DevTools hook (it works in
//   production builds): the components that rendered in the commit, the position rows among them.
// - mutations: while `countCommits` is set, one record per MutationObserver callback on the page (the
//   end of a task that changed the DOM: a React commit or the table's live cells written directly),
//   with the number of changes in it.
// - longTasks: PerformanceObserver 'longtask' entries (> 50 ms).
// - frames: requestAnimationFrame times while `frames.on` is set.
(() => {
  const B = {
    keys: [],
    commits: [],
    countCommits: false,
    longTasks: [],
    frames: { on: false, times: [] },
    profiler: [],
    mutations: [],
  };
  window.__amkBench = B;

  // --- Keystrokes ------------------------------------------------------------------------------
  let last = null;
  document.addEventListener(
    'input',
    (e) => {
      const field = e.target;
      if (!(field instanceof HTMLInputElement) || field.type === 'radio') return;
      const dialog = field.closest('dialog');
      const rec = {
        kind: dialog ? 'dialog' : 'bare',
        t0: e.timeStamp,
        done: null,
        raf: null,
        painted: null,
        shown: null,
      };
      last = rec;
      B.keys.push(rec);
      requestAnimationFrame(() => {
        rec.raf = performance.now();
        const figures = dialog ? dialog.querySelector('.amk-figures') : null;
        const error = dialog ? dialog.querySelector('.amk-error') : null;
        rec.shown = {
          value: field.value,
          figures: figures ? figures.innerText : null,
          error: error && !error.hidden ? error.textContent : null,
        };
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          rec.painted = performance.now();
        };
        ch.port2.postMessage(0);
      });
    },
    true,
  );
  // On window, bubbling: after React's listener on its root. A microtask queued here runs after the
  // ones React queued while handling the event, so it marks the end of the event's JavaScript work.
  window.addEventListener('input', () => {
    const rec = last;
    if (rec) queueMicrotask(() => (rec.done = performance.now()));
  });

  // --- DOM changes -------------------------------------------------------------------------------
  const mutations = new MutationObserver((records) => {
    if (B.countCommits) B.mutations.push({ t: performance.now(), n: records.length });
  });
  document.addEventListener('DOMContentLoaded', () =>
    mutations.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }),
  );

  // --- Long tasks and frames -------------------------------------------------------------------
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.longTasksUnsupported = true;
  }
  const frame = (t) => {
    if (B.frames.on) B.frames.times.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // --- React commits, through the DevTools hook ------------------------------------------------
  // Fiber tags: FunctionComponent 0, ClassComponent 1, HostComponent 5, ForwardRef 11, Memo 14, SimpleMemo 15.
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  /**
   * Counts the components that rendered in this commit, as React DevTools does: a subtree whose
   * child list is the very one of the previous commit was not visited; a visited component rendered
   * when React flagged PerformedWork on it (a memo bailout does not).
   */
  function rendered(root) {
    let components = 0;
    let rows = 0;
    const stack = [root.current];
    while (stack.length) {
      const f = stack.pop();
      const prev = f.alternate;
      let child = prev !== null && f.child === prev.child ? null : f.child;
      for (; child !== null; child = child.sibling) {
        const c = child;
        if (COMPONENT.has(c.tag) && (c.alternate === null || (c.flags & PERFORMED_WORK) !== 0)) {
          components++;
          if (c.child && c.child.tag === 5 && c.child.type === 'tr') rows++;
        }
        stack.push(c);
      }
    }
    return { components, rows };
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!B.countCommits) return;
      const t = performance.now();
      B.commits.push({ t, ...rendered(root) });
    },
  };
})();
