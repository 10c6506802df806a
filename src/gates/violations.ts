/**
 * The violation policy of monitor-gate (pure): which violations count (ignore-features), and
 * whether they stay within max-violations (a total, or a limit per check type; a type without a
 * limit in the map allows none).
 */
export interface GateViolation {
  feature_name: string;
  constraint_check_type: string;
  description: string;
  /** where it came from: a report file, a monitoring execution, our capture check, model quality */
  source: string;
}

export interface ViolationVerdict {
  passed: boolean;
  counted: GateViolation[];
  ignored: GateViolation[];
  byType: Record<string, number>;
  reasons: string[];
}

export function judgeViolations(
  violations: GateViolation[],
  maxViolations: number | Record<string, number>,
  ignoreFeatures: string[],
): ViolationVerdict {
  const ignore = new Set(ignoreFeatures);
  const counted = violations.filter((v) => !ignore.has(v.feature_name));
  const ignored = violations.filter((v) => ignore.has(v.feature_name));
  const byType: Record<string, number> = {};
  for (const v of counted) byType[v.constraint_check_type] = (byType[v.constraint_check_type] ?? 0) + 1;
  const reasons: string[] = [];
  if (typeof maxViolations === 'number') {
    if (counted.length > maxViolations)
      reasons.push(`${counted.length} violation(s), max-violations allows ${maxViolations}`);
  } else {
    for (const [type, n] of Object.entries(byType)) {
      const max = maxViolations[type] ?? 0;
      if (n > max) reasons.push(`${n} ${type} violation(s), max-violations allows ${max}`);
    }
  }
  return { passed: reasons.length === 0, counted, ignored, byType, reasons };
}
