// Timing on a shared 2-core machine: other processes come and go, so configs are compared file by
// file in alternating order (A B / B A ...) and on CPU time, which load from other processes inflates
// far less than wall time. Each file keeps its fastest repetition per config (a load spike only ever
// slows a run down, so the minimum is the least disturbed measurement) and ratios compare the sums.

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Lints every file with every config, `reps` times, alternating the order per file.
 * Returns, per config name, the CPU and wall milliseconds of each repetition and the messages of the
 * first repetition.
 */
export function interleave(linter, configs, files, reps) {
  const names = Object.keys(configs);
  const result = Object.fromEntries(names.map((name) => [name, { cpu: [], wall: [], messages: [], best: 0 }]));
  const best = Object.fromEntries(names.map((name) => [name, new Array(files.length).fill(Infinity)]));
  // One unmeasured pass first: the JIT compiles the parsers, scope analysis and rules, and the lazy
  // TypeScript parser loads, so the first measured repetition does not charge that to whoever runs first.
  for (const { path, text } of files) for (const name of names) linter.verify(text, configs[name], { filename: path });
  for (let rep = 0; rep < reps; rep++) {
    const cpu = Object.fromEntries(names.map((n) => [n, 0]));
    const wall = Object.fromEntries(names.map((n) => [n, 0]));
    files.forEach(({ path, text }, index) => {
      const shift = (index + rep) % names.length;
      const order = [...names.slice(shift), ...names.slice(0, shift)];
      if ((index + rep) % 2) order.reverse();
      for (const name of order) {
        const c0 = cpuMs();
        const w0 = performance.now();
        const messages = linter.verify(text, configs[name], { filename: path });
        wall[name] += performance.now() - w0;
        const spent = cpuMs() - c0;
        cpu[name] += spent;
        if (spent < best[name][index]) best[name][index] = spent;
        if (rep === 0) for (const message of messages) result[name].messages.push({ path, ...message });
      }
    });
    for (const name of names) {
      result[name].cpu.push(cpu[name]);
      result[name].wall.push(wall[name]);
    }
  }
  for (const name of names) result[name].best = best[name].reduce((sum, ms) => sum + ms, 0);
  return result;
}

/** Config time / baseline time, each the sum over files of the fastest repetition's CPU time. */
export function ratio(result, name, baseline) {
  return result[name].best / result[baseline].best;
}

/** The same ratio per repetition (whole-pass CPU totals), to show the spread. */
export function ratioPerRep(result, name, baseline) {
  return result[name].cpu.map((ms, i) => ms / result[baseline].cpu[i]);
}

export async function timeAsync(task) {
  const w0 = performance.now();
  const value = await task();
  return { ms: performance.now() - w0, value };
}

export const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
