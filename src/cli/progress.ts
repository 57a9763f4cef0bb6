/**
 * A progress line on stderr for long runs on a terminal. ESLint's Node API has no per-file callback, so
 * a no-op rule that every linted file passes through counts them (in-process runs; worker threads
 * under --concurrency cannot call back, and there the line shows elapsed time only).
 */
type Listener = (filename: string) => void;
let listener: Listener | undefined;

export const progressPlugin = {
  meta: { name: 'redis-lint-progress', version: '1.0.0' },
  rules: {
    tick: {
      meta: { type: 'suggestion' as const, schema: [], docs: { description: 'Counts linted files for the progress line' } },
      create(context: { filename: string }) {
        listener?.(context.filename);
        return {};
      },
    },
  },
};

export interface ProgressLine {
  stop(): void;
}

/** Shows `linting… N files (T s)` once a run lasts longer than `delayMs`; silent otherwise. */
export function startProgress(stream: NodeJS.WriteStream, delayMs = 1000): ProgressLine {
  const seen = new Set<string>();
  const started = Date.now();
  let shown = false;
  listener = (filename) => seen.add(filename);
  const timer = setInterval(() => {
    if (Date.now() - started < delayMs) return;
    shown = true;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const files = seen.size > 0 ? `${seen.size} file${seen.size === 1 ? '' : 's'}, ` : '';
    stream.write(`\r\x1b[2Klinting… ${files}${seconds} s`);
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      listener = undefined;
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
