/**
 * A progress bar on stderr for runs longer than a second, only when stderr is a terminal. The CLI is
 * the one place that reads the wall clock, and only for this.
 */
export function progressBar(stream: NodeJS.WriteStream): { update: (now: number, total: number) => void; done: () => void } {
  const started = Date.now();
  let shown = false;
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  return {
    update(now, total) {
      if (!shown && Date.now() - started < 1000) return;
      shown = true;
      const width = 30;
      const share = total === 0 ? 1 : Math.min(1, now / total);
      const filled = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% simulated`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
