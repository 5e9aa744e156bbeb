// Preloaded (`--require`) into the servers only when BENCH_CPU_PROF is set. Node writes a
// --cpu-prof profile only on a normal exit, and a process killed by SIGTERM's default action (the
// baseline servers) does not exit normally. Exiting at once on SIGTERM writes it, for every server
// alike. (The service's own SIGTERM shutdown once hung, which is how this was found; see
// bench/README.md.)
process.once('SIGTERM', () => process.exit(0));
