import awsLambdaFastify from "@fastify/aws-lambda";
import type { ALBEvent, ALBResult, Context } from "aws-lambda";
import type { FastifyInstance } from "fastify";
import { withQueryOnPath } from "./alb-query.ts";
import { albResultOf } from "./alb-result.ts";
import { travelsAsText } from "./text-media-type.ts";

export type AlbHandler = (event: ALBEvent, context?: Context) => Promise<ALBResult>;

/**
 * An ALB→Lambda target that is the Fastify app the container serves, under @fastify/aws-lambda:
 * routing, body limits, content types, request ids and problem details are the app's own.
 * The app is made ready here, once per execution environment, before the first event.
 */
export async function albHandlerFor(app: FastifyInstance): Promise<AlbHandler> {
  await app.ready();
  const options = {
    // Nothing reads the raw event; decorating twice (one proxy per header style) would throw.
    decorateRequest: false,
    enforceBase64: (response: { headers: Record<string, unknown> }) =>
      !travelsAsText(response.headers["content-type"], response.headers["content-encoding"]),
  };
  // A target group sends either `headers` or `multiValueHeaders`, and wants the same back.
  const singleValue = awsLambdaFastify<ALBEvent>(app, { ...options, albMultiValueHeaders: false });
  const multiValue = awsLambdaFastify<ALBEvent>(app, { ...options, albMultiValueHeaders: true });

  return async (event, context) => {
    const multiValueHeaders = event.multiValueHeaders !== undefined;
    const proxy = multiValueHeaders ? multiValue : singleValue;
    // The adapter reads the context only for callbackWaitsForEmptyEventLoop, which is unset.
    const response = await proxy(withQueryOnPath(event), context as Context);
    return albResultOf(response, multiValueHeaders);
  };
}
