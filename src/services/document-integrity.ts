import type { DocumentRecord } from '../repositories/documents.repository';
import { IntegrityFailure } from './errors';
import { sha256Hex } from './hash-chain';

/**
 * audit.md F3: a document's stored bytes must still be the ones its record describes (size and
 * SHA-256) before they are sent, answered as a regeneration or reported sound by verify. The
 * record alone would let bytes changed behind the service go out under the original ETag.
 */
export function bytesFault(doc: Pick<DocumentRecord, 'size' | 'sha256'>, bytes: Buffer): string | undefined {
  if (bytes.length !== doc.size) return `The stored bytes are ${bytes.length} long, the record says ${doc.size}.`;
  if (sha256Hex(bytes) !== doc.sha256) return "The stored bytes' SHA-256 differs from the record's.";
  return undefined;
}

/** Throws 500 INTEGRITY_FAILURE (check `document_bytes`) unless the bytes match the record. */
export function assertSoundBytes(doc: Pick<DocumentRecord, 'id' | 'size' | 'sha256'>, bytes: Buffer): void {
  const fault = bytesFault(doc, bytes);
  if (fault) throw new IntegrityFailure('document_bytes', { documentId: doc.id }, `Document ${doc.id} failed its integrity check: ${fault}`);
}
