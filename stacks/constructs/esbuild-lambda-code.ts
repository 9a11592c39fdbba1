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

/**
 * Lambda code bundled by esbuild at synthesis, on this machine: no Docker,
 * no network. The result is `index.js` (CommonJS) exporting `handler`.
 */
export function esbuildLambdaCode(props: EsbuildLambdaCodeProps): lambda.Code {
  return lambda.Code.fromAsset(props.packageDir, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API; used only if local bundling declined, which it never does.
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22-alpine"),
      local: {
        tryBundle(outputDir) {
          buildSync({
            entryPoints: [path.join(props.packageDir, props.entry)],
            outfile: path.join(outputDir, "index.js"),
            bundle: true,
            platform: "node",
            target: props.target,
            format: "cjs",
            minify: true,
            legalComments: "none",
            logLevel: "error",
          });
          return true;
        },
      },
    },
  });
}
