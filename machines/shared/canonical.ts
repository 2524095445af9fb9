/**
 * Canonical JSON and its SHA-256: the one implementation the engine uses wherever a JSON value is
 * compared or fingerprinted (the history chain of architecture.md, idempotent request bodies,
 * verify's snapshot comparison, a frozen draft's content hash). RFC 8785 (JCS) through
 * `canonicalize`, SHA-256 through @noble/hashes: both pure, so machines may use them too.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** RFC 8785 canonical JSON: keys sorted, no whitespace, undefined members dropped; `null` for undefined. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/** Lower-case hex SHA-256 of the canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
