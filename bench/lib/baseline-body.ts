/** The fixed 100-byte JSON body every reference server of the bench answers. */
const prefix = '{"status":"ok","service":"baseline","padding":"';
const suffix = '"}';
export const baselineBody = Buffer.from(
  `${prefix}${"x".repeat(100 - prefix.length - suffix.length)}${suffix}`,
);
if (baselineBody.length !== 100)
  throw new Error(`baseline body is ${baselineBody.length} bytes, not 100`);
