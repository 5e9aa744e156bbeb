// Preloaded (`--require`) into the servers only when BENCH_CPU_PROF is set. Node writes a
// --cpu-prof profile only on a normal exit; the service's SIGTERM shutdown never finishes while
// Apollo Server also handles the signal (its stopOnTerminationSignals default), so the harness's
// SIGKILL came first and no profile was written. Exiting at once on SIGTERM writes it.
process.once('SIGTERM', () => process.exit(0));
