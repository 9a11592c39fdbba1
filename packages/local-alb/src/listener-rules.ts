import {
  type AppServiceKey,
  appServiceKeys,
  type ResourceNames,
} from "../../../stacks/config/resource-names.ts";
import { pathPatternMatcher } from "./path-pattern.ts";

interface Rule {
  priority: number;
  target: AppServiceKey;
  matches: ((path: string) => boolean)[];
}

/**
 * The listener of CONTRACT.md §1 as the stacks declare it (`appServices[key].route`): rules in
 * priority order, a rule matching when any of its patterns does, the one target without a route
 * as the default action. Returns the target a request path goes to.
 */
export function listenerRulesOf(names: ResourceNames): (path: string) => AppServiceKey {
  const rules: Rule[] = appServiceKeys
    .flatMap((target) => {
      const route = names.appServices[target].route;
      return route
        ? [
            {
              priority: route.priority,
              target,
              matches: route.pathPatterns.map(pathPatternMatcher),
            },
          ]
        : [];
    })
    .sort((a, b) => a.priority - b.priority);
  const defaults = appServiceKeys.filter((target) => !names.appServices[target].route);
  const [defaultTarget] = defaults;
  if (defaultTarget === undefined || defaults.length > 1)
    throw new Error("Exactly one target must be the default action (no route)");
  return (path) =>
    rules.find((rule) => rule.matches.some((matches) => matches(path)))?.target ?? defaultTarget;
}
