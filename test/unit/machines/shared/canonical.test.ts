import { createHash } from 'node:crypto';
import { canonicalHash, canonicalJson } from '../../../../machines/shared/canonical';

describe('canonical JSON (RFC 8785) and its hash', () => {
  it('sorts keys at every depth, drops undefined members and writes undefined items as null', () => {
    expect(canonicalJson({ b: [3, undefined, { y: 1, x: undefined, a: '中' }], a: null })).toBe('{"a":null,"b":[3,null,{"a":"中","y":1}]}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(1e21)).toBe('1e+21');
  });

  it('hashes the canonical text with SHA-256 (lower-case hex), whatever the key order', () => {
    const text = '{"a":1,"b":"工资"}';
    expect(canonicalHash({ b: '工资', a: 1 })).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(canonicalHash({ a: 1, b: '工资' })).toBe(canonicalHash({ b: '工资', a: 1 }));
  });
});
