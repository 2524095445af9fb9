import express from 'express';

/**
 * TRUST_PROXY (audit.md §1) is Express's `trust proxy` value written as text: `true` / `false`,
 * a hop count, or comma-separated addresses, subnets and the names `loopback`, `linklocal`,
 * `uniquelocal`. Express takes a string as an address list, so `"true"` and `"2"` must become
 * a boolean and a number first.
 */
export function trustProxySetting(value: string): boolean | number | string {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Whether Express accepts the value: asked of Express itself, so start-up and the app never disagree. */
export function isValidTrustProxy(value: string): boolean {
  try {
    express().set('trust proxy', trustProxySetting(value));
    return true;
  } catch {
    return false;
  }
}
