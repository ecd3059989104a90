// A TCP port free on 127.0.0.1 right now, from the OS (listen on port 0, read it, close). Every
// server the tests start listens on one, never on a fixed port: the tests pass while the demo
// (`npm run demo`, 4173) or Storybook (`npm run storybook`, 6006) is being served.
import { createServer } from 'node:net';

/** A port the OS reports free on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
