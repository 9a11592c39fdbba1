import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ALBEvent, ALBResult } from "aws-lambda";
import { writeAlbError, writeAlbResult } from "./alb-answer.ts";
import { albEventOf, type TargetGroup } from "./alb-event.ts";

/** A Lambda target: its group's settings and the function's handler. */
export interface LambdaTarget extends TargetGroup {
  invoke(event: ALBEvent): Promise<ALBResult>;
}

/** Lambda's limit on the request body the ALB may pass to a function. */
const maxBodyBytes = 1024 * 1024;

/** The whole body, or undefined past the limit (read to the end all the same, so the client
 * is not cut off mid-upload and does read the 413). */
async function bodyOf(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks);
}

/**
 * An HTTP listener that invokes a Lambda target per request, as the ALB does: the target the
 * rules pick for the path, the event AWS documents, the result turned back into HTTP. An
 * invocation that fails is the ALB's 502, never a hang.
 */
export function createAlbListener(
  targetFor: (path: string) => Promise<LambdaTarget>,
  onInvocationError: (error: unknown) => void,
): Server {
  return createServer(async (request, response) => {
    const body = await bodyOf(request);
    if (body === undefined) {
      writeAlbError(response, 413, "Request Entity Too Large");
      return;
    }
    const url = request.url ?? "/";
    let target: LambdaTarget;
    let result: ALBResult;
    try {
      target = await targetFor(url.split("?", 1)[0] ?? "/");
      const event = albEventOf(
        {
          method: request.method ?? "GET",
          url,
          rawHeaders: request.rawHeaders,
          body,
          clientAddress: request.socket.remoteAddress ?? "127.0.0.1",
          listenerPort: (request.socket.address() as AddressInfo).port,
        },
        target,
      );
      result = await target.invoke(event);
    } catch (error) {
      onInvocationError(error);
      writeAlbError(response, 502, "Bad Gateway");
      return;
    }
    writeAlbResult(response, result, target.multiValueHeaders);
  });
}
