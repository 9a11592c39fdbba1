import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  escapeXml,
  type QueryAnswer,
  queryError,
  queryResult,
  type RecordedCall,
  readCall,
} from "./aws-query-protocol.ts";

export type { RecordedCall } from "./aws-query-protocol.ts";

/** A stack's status and outputs, as DescribeStacks answers them. */
export interface StubStack {
  readonly status: string;
  readonly outputs: Readonly<Record<string, string>>;
}

export interface LocalAwsStubProps {
  /** What STS GetCallerIdentity answers. */
  readonly account: string;
  readonly region: string;
  /** The stacks DescribeStacks knows, by name; asking for any other is an unexpected call. */
  readonly stacks: Readonly<Record<string, StubStack>>;
}

export interface LocalAwsStub {
  /** Base URL for `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`. */
  readonly url: string;
  /** Every request received, in order, the unexpected ones included. */
  readonly calls: readonly RecordedCall[];
  readonly close: () => Promise<void>;
}

/**
 * An account bootstrapped for CDK and SST as SST 2.49 requires: CDKToolkit
 * complete with BootstrapVersion >= 14 and a bucket; SSTBootstrap at version
 * 7.4 with a bucket. Anything less and SST would deploy its bootstrap stacks.
 */
export function bootstrappedStacks(account: string, region: string): Record<string, StubStack> {
  return {
    CDKToolkit: {
      status: "UPDATE_COMPLETE",
      outputs: { BootstrapVersion: "28", BucketName: `cdk-hnb659fds-assets-${account}-${region}` },
    },
    SSTBootstrap: {
      status: "UPDATE_COMPLETE",
      outputs: { Version: "7.4", BucketName: `sstbootstrap-${region.replaceAll("-", "")}-offline` },
    },
  };
}

/**
 * STS and CloudFormation on 127.0.0.1, answering only what `sst build` asks
 * before it synthesizes: GetCallerIdentity, and DescribeStacks for the known
 * stacks. Both speak the AWS Query protocol. Any other call is recorded and
 * answered 400 with an error naming it, so the CLI fails loudly.
 */
export async function startLocalAwsStub(props: LocalAwsStubProps): Promise<LocalAwsStub> {
  const calls: RecordedCall[] = [];
  const server = createServer((request, response) => {
    readCall(request).then(
      (call) => {
        calls.push(call);
        const { status, xml } = answer(call, props);
        response.writeHead(status, { "content-type": "text/xml" }).end(xml);
      },
      (error: Error) => response.writeHead(400).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

function answer(call: RecordedCall, props: LocalAwsStubProps): QueryAnswer {
  const name = `${call.service}:${call.action}`;
  const stackName = call.params.StackName ?? "";
  const stack = props.stacks[stackName];
  if (name === "sts:GetCallerIdentity") {
    return queryResult(
      "GetCallerIdentity",
      "https://sts.amazonaws.com/doc/2011-06-15/",
      `<Arn>arn:aws:iam::${props.account}:user/stockwiz-offline</Arn>` +
        `<UserId>AIDAOFFLINESTUB</UserId><Account>${props.account}</Account>`,
    );
  }
  if (name === "cloudformation:DescribeStacks" && stack) {
    return queryResult(
      "DescribeStacks",
      "http://cloudformation.amazonaws.com/doc/2010-05-15/",
      describedStack(stackName, stack, props),
    );
  }
  return queryError(
    "UnexpectedCallToLocalStub",
    `The local AWS stub does not answer ${name} ${JSON.stringify(call.params)}`,
  );
}

function describedStack(name: string, stack: StubStack, props: LocalAwsStubProps): string {
  const outputs = Object.entries(stack.outputs)
    .map(
      ([key, value]) =>
        `<OutputKey>${key}</OutputKey><OutputValue>${escapeXml(value)}</OutputValue>`,
    )
    .map((output) => `<member>${output}</member>`)
    .join("");
  const id = `arn:aws:cloudformation:${props.region}:${props.account}:stack/${name}/${randomUUID()}`;
  return (
    `<Stacks><member><StackName>${name}</StackName><StackId>${id}</StackId>` +
    `<CreationTime>2024-01-01T00:00:00.000Z</CreationTime><StackStatus>${stack.status}</StackStatus>` +
    `<Outputs>${outputs}</Outputs></member></Stacks>`
  );
}
