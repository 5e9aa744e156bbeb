// graphql-ws publishes `graphql-ws/use/ws` only through package.json "exports", which this
// project's "moduleResolution": "Node" does not read; Node itself resolves it at run time.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
