import { existsSync, globSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projects } from "../../vitest.config.ts";
import { repoRoot } from "./process/launch.ts";

// A test file in no project never runs, and one in two runs twice: both go unnoticed.

type Project = (typeof projects)[string];

const everyTestFile = globSync(["packages/*/test/**/*.test.*", "tests/**/*.test.*"], {
  cwd: repoRoot,
  exclude: (name) => name.includes("node_modules"),
});

const runs = (project: Project, file: string) =>
  project.include.some((glob) => path.matchesGlob(file, glob)) &&
  !(project.exclude ?? []).some((glob) => path.matchesGlob(file, glob));

describe("vitest projects", () => {
  it("when the suite runs then every test file is in exactly one project", () => {
    const homes = everyTestFile.map((file) => ({
      file,
      projects: Object.entries(projects)
        .filter(([, project]) => runs(project, file))
        .map(([name]) => name),
    }));

    expect(everyTestFile.length).toBeGreaterThan(50);
    expect(homes.filter((home) => home.projects.length !== 1)).toEqual([]);
  });

  it("when a file is listed by name then it exists (moved, it would fall back into unit)", () => {
    const named = Object.values(projects)
      .flatMap((project) => [...project.include, ...(project.exclude ?? [])])
      .filter((glob) => !glob.includes("*"));

    expect(named.filter((file) => !existsSync(path.join(repoRoot, file)))).toEqual([]);
  });
});
