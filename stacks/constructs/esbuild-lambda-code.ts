import path from "node:path";
import { AssetHashType, DockerImage } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { buildSync } from "esbuild";

export interface EsbuildLambdaCodeProps {
  /** The workspace package holding the function's source. */
  readonly packageDir: string;
  /** Entry file, relative to packageDir, exporting `handler`. */
  readonly entry: string;
  /** Node.js version the bundle targets, e.g. `node22`. */
  readonly target: string;
}

/** Bundles the function into `<outputDir>/index.js` (CommonJS, exporting `handler`). */
export function bundleLambda(props: EsbuildLambdaCodeProps, outputDir: string): string {
  const outfile = path.join(outputDir, "index.js");
  buildSync({
    entryPoints: [path.join(props.packageDir, props.entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: props.target,
    format: "cjs",
    minify: true,
    legalComments: "none",
    logLevel: "error",
  });
  return outfile;
}

/**
 * Lambda code bundled by esbuild at synthesis, on this machine: no Docker,
 * no network.
 */
export function esbuildLambdaCode(props: EsbuildLambdaCodeProps): lambda.Code {
  return lambda.Code.fromAsset(props.packageDir, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API; used only if local bundling declined, which it never does.
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22-alpine"),
      local: {
        tryBundle(outputDir) {
          bundleLambda(props, outputDir);
          return true;
        },
      },
    },
  });
}
