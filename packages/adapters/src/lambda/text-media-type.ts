// Media types whose bytes are text: JSON (problem details too), HTML, CSS, JavaScript, XML/SVG.
const textTypes = /^(text\/|application\/(json|javascript|xml)$|application\/[\w.-]+\+(json|xml)$)/;

/**
 * Whether an answer travels as text in the Lambda result. Anything else, and anything
 * content-encoded (gzip), must be base64-encoded: the result is JSON, a string cannot hold
 * arbitrary bytes.
 */
export function travelsAsText(contentType: unknown, contentEncoding: unknown): boolean {
  if (typeof contentEncoding === "string" && contentEncoding !== "identity") return false;
  if (typeof contentType !== "string") return true; // no body (204, 304)
  const mediaType = contentType.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return textTypes.test(mediaType);
}
