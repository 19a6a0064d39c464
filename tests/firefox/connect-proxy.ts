// A tiny HTTP CONNECT proxy for the Firefox smoke test. Firefox has no --host-resolver-rules: its proxy prefs send
// every connection here; a CONNECT to one of the sandbox's hostnames on 443 is tunnelled to the sandbox's port, and
// everything else (Firefox's own background traffic, any other host, plain HTTP) is refused and recorded.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `host:port` of every refused request, in order (Firefox's background traffic shows up here). */
  refused: string[];
  close(): Promise<void>;
}

const MAX_HEAD_BYTES = 8 * 1024;

/** `CONNECT host:port HTTP/1.x` → { host, port }; anything else → undefined. */
export function parseConnectLine(head: string): { host: string; port: number } | undefined {
  const match = /^CONNECT ([a-z0-9.-]+):(\d{1,5}) HTTP\/1\.[01]\r\n/i.exec(head);
  if (!match) return undefined;
  return { host: (match[1] as string).toLowerCase(), port: Number(match[2]) };
}

function refuse(socket: Socket, refused: string[], what: string): void {
  refused.push(what);
  socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
}

/** Starts the proxy on a free 127.0.0.1 port: CONNECTs to `hosts` on 443 reach 127.0.0.1:`targetPort`. */
export async function startConnectProxy(hosts: readonly string[], targetPort: number): Promise<ConnectProxy> {
  const allowed = new Set(hosts.map((host) => host.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((client) => {
    track(client);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) refuse(client, refused, 'oversized request head');
        return;
      }
      client.off('data', onData);
      const text = head.subarray(0, end + 4).toString('latin1');
      const target = parseConnectLine(text);
      if (!target || target.port !== 443 || !allowed.has(target.host)) {
        refuse(client, refused, target ? `${target.host}:${target.port}` : text.split('\r\n')[0]?.slice(0, 200) ?? '');
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1');
      track(upstream);
      upstream.once('connect', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      upstream.once('error', () => client.destroy());
      client.once('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
