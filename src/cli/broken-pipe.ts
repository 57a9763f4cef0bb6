/**
 * `redis-lint | head -1`: once the reader exits, writes fail with EPIPE, and an unhandled stream error
 * would print a stack trace over the user's terminal. Like other CLIs, redis-lint then stops writing to
 * that stream quietly and exits with the run's own code; any other stream error is still thrown.
 */
export function guardBrokenPipe(stream: NodeJS.WritableStream): void {
  let broken = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') broken = true;
    // After EPIPE Node destroys the stream, and each later write reports ERR_STREAM_DESTROYED.
    if (!broken) throw error;
  });
}
