import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { API_POLICY } from './security-headers';

/**
 * Requests Node refuses before Express sees them (a malformed request line, headers over the
 * size limit) still get a problem+json answer with the headers of audit.md S1 and S2, instead
 * of Node's bare one.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const [status, title] = tooLarge ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({
      type: `https://labor-case-engine.example/problems/${tooLarge ? 'headers-too-large' : 'validation-failed'}`,
      title, status, code: tooLarge ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED',
      detail: tooLarge ? 'The request headers are too large.' : 'The request could not be parsed as HTTP.',
    });
    socket.end(
      [
        `HTTP/1.1 ${status} ${title}`,
        'Content-Type: application/problem+json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        `Content-Security-Policy: ${API_POLICY}`,
        'X-Frame-Options: DENY',
        'Referrer-Policy: no-referrer',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
