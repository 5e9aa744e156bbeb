// Integration tests provoke errors on purpose; keep the service's error log out of the test
// output unless LOG_LEVEL asks for it.
process.env.LOG_LEVEL ??= 'silent';
