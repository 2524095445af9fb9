import type { RequestHandler } from 'express';

/**
 * audit.md S1 and S2 (threat TH6: sniffing, framing, personal data in shared caches), set before
 * any route runs so that every answer carries them: successes, problems, 404s, PDFs, SVGs.
 * A dozen lines of our own rather than helmet: helmet's defaults add other headers and a
 * different policy, so it would need as much configuration as this, plus a dependency.
 */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI needs inline styles and data: images; its script comes from files (/docs/init.js), never inline.
const DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/');

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', isDocs(req.path) ? DOCS_POLICY : API_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Only the public description of the API may be cached; everything else may hold personal data.
  if (!isDocs(req.path) && req.path !== '/openapi.json') res.setHeader('Cache-Control', 'no-store');
  next();
};
