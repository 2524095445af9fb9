import type { AppDeps } from '../app';
import type { RouteSpec } from '../route';

/** Routes of later capabilities (statutory clock, documents) register here. */
export function extraRoutes(_deps: AppDeps): RouteSpec[] {
  return [];
}
