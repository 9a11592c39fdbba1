// The content types the ALB passes to a Lambda target as they are; any other body is base64.
const textTypes = /^(text\/.+|application\/json|application\/javascript|application\/xml)$/;

/** A request body as the ALB puts it in the event (AWS: "Receive events from the load balancer"). */
export function albBodyOf(
  body: Buffer,
  contentType: string | undefined,
): { body: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: "", isBase64Encoded: false };
  const mediaType = contentType?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return textTypes.test(mediaType)
    ? { body: body.toString("utf8"), isBase64Encoded: false }
    : { body: body.toString("base64"), isBase64Encoded: true };
}
