// Long lines are laid out by generator/targets/typescript/layout.ts, not by prettier: each case is a
// file the templates could emit, and the layout must be byte for byte what prettier writes.
import * as prettier from "prettier";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { formatStats } from "../generator/targets/typescript/format.js";
import { layoutFile, loadLayout, overflows } from "../generator/targets/typescript/layout.js";
import { formatCheck } from "./helpers/format.js";
import { ROOT, SHARED } from "./helpers/paths.js";

const N = "WebhookPullRequestReviewRequestRemovedPullRequestRequestedTeamsParent";

const CASES: [string, string][] = [
  ["call argument breaks", `function f(w: any) {\n  const v = {\n    repo: ${N}$fromWire(w.repo),\n    comments: ${N}CommentsLinks$fromWire(w.comments),\n  };\n  return v;\n}\n`],
  [
    "assignment of a call, and of a member",
    `function f(v: any, w: any) {\n  v.pushProtectionBypassedBy = NullableSimpleUser$fromWire(w.push_protection_bypassed_by);\n  v.pushProtectionBypassRequestReviewerComment = w.push_protection_bypass_request_reviewer_comment;\n}\n`,
  ],
  [
    "nullable ternary",
    `function f(v: any, w: any) {\n  const x = {\n    creator: w.creator === null ? null : ${N}$fromWire(w.creator),\n    id: w.id === null ? null : ${N}$fromWire(w.identifier_of_it),\n  };\n  v.mergedBy = w.merged_by === null ? null : ${N}$fromWire(w.merged_by);\n  return x;\n}\n`,
  ],
  [
    "arrow as the last argument",
    `function f(w: any) {\n  const x = {\n    labels: w.labels.map((x) => ${N}$fromWire(x)),\n    assignees: w.assignees.map((x) => (x === null ? null : ${N}Assignees$fromWire(x))),\n  };\n  return x;\n}\n`,
  ],
  [
    "type alias and object literal openers",
    `export type ${N}$Wire = {\n  href: string;\n  /**\n   * A comment.\n   */\n  name?: string;\n};\n\nexport const ${N}Privacy = {\n  Secret: "secret",\n} as const;\n`,
  ],
  [
    "unions in properties and aliases",
    `export type A = {\n  firstPatchedVersion: ${N}FirstPatched | null;\n  details: ${N}1 | ${N}2 | ${N}3;\n  changes?: WebhookProjectsV2ItemEditedChanges1 | WebhookProjectsV2ItemEditedChanges2;\n  requestedReviewers: Array<${N} | null | ${N}2 | null>;\n  [k: string]: ${N}CurrencyOptionsX;\n};\nexport type CopilotSpaceCollaborator = CopilotSpaceCollaborator1 | CopilotSpaceCollaborator2;\nexport type B = CopilotSpaceCollaborator1 | CopilotSpaceCollaborator2 | CopilotSpaceCollaborator3;\n`,
  ],
  [
    "a member's union of keywords breaks after the colon; one hugging a reference does not",
    `export type A$Wire = {\n  client_id_metadata_documents_only_allow_pre_registered_clients?: boolean | null;\n  client_id_metadata_documents_only_allow_pre_registered_clients_x?: Array<string> | null;\n  client_id_metadata_documents_only_allow_pre_registered_clients_y?: ${N} | undefined;\n};\n`,
  ],
  [
    "signatures",
    `export function ${N}$fromWire(w: ${N}$Wire): ${N} {\n  return w;\n}\nexport async function g(\n  request: CodespacesCreateForAuthenticatedUserRequestBody1 | CodespacesCreateForAuthenticatedUserRequestBody2,\n): Promise<OrgsSetClusterDeploymentRecordsResponse | OrgsSetClusterDeploymentRecordsResponse2> {\n  return request;\n}\n`,
  ],
  [
    "results and returns",
    `export async function h(): Promise<\n  Result<CopilotListCopilotCodingAgentSelectedRepositoriesForOrganizationResponse, BasicError | SDKError | HTTPClientError>\n> {\n  return decodeJSON(res.value, CopilotListCopilotCodingAgentSelectedRepositoriesForOrganizationResponse$fromWire);\n  return data.ok ? ERR(new ActivityListPublicEvents503Error(data.value, res.value)) : data;\n}\n`,
  ],
  [
    "if statements",
    `function f(w: any, json: boolean) {\n  if (w.dependabot_security_updates_enabled_for_new_repositories !== undefined) {\n    g();\n  }\n  if (json && matchStatusCode(response.status, ["401", "403", "404", "409", "500"])) {\n    g();\n  }\n  if (data.documentationUrl !== undefined) this.documentationUrl = data.documentationUrlOfTheError;\n}\n`,
  ],
  [
    "an arrow the template broke",
    `function f() {\n  if (ok) {\n    return decodeJSON(res.value, (w: Array<DependabotAlertWithRepository$Wire>) =>\n      w.map((x) => DependabotAlertWithRepository$fromWire(x)),\n    );\n  }\n}\n`,
  ],
  [
    "query parameters and bodies",
    `const q = [\n  { name: "exclude_pull_requests", value: request.excludePullRequests, style: "form", explode: true },\n];\nconst r = {\n  body:\n    request.requestBody === undefined\n      ? undefined\n      : JSON.stringify(ActionsSetDefaultWorkflowPermissionsOfTheOrganization$toWire(request.requestBody)),\n};\n`,
  ],
];

beforeAll(loadLayout);

describe("layout of long lines", () => {
  it.each(CASES)("%s", async (_name, source) => {
    expect(source.split("\n").some(overflows)).toBe(true);
    const expected = await prettier.format(source, { parser: "typescript" });
    expect(layoutFile(source)).toBe(expected);
  });

  it("hands back what it does not know, for prettier to do", () => {
    expect(layoutFile(`const x = ${N}.filter(function (y) { return y; }).map((z) => z.someVeryLongPropertyName);\n`)).toBeUndefined();
    // prettier may break inside a computed key: not guessed.
    expect(layoutFile(`function f(w: any) {\n  if (w["object with \`additionalProperties: { type: object, properties: ... }\`"] !== undefined) {\n  }\n}\n`)).toBeUndefined();
  });
});

describe.each(["real-world/stripe.json", "real-world/github.json"])("%s", (spec) => {
  it("every long line is laid out without prettier, as prettier would", async () => {
    const before = { ...formatStats };
    const [r] = await generateAll(join(SHARED, "specs", spec), [{ name: "typescript", out: join(ROOT, ".tmp", "layout"), packageName: "x", sdkClass: "SDK", version: "1.0.0" }]);
    expect(formatStats.prettier - before.prettier).toBe(0);
    expect(formatStats.laidOut - before.laidOut).toBeGreaterThan(1000);
    const long = r.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/lib/") && !f.path.startsWith("src/types/") && f.content.split("\n").some((l) => l.length > 80));
    expect(await formatCheck(long)).toEqual([]);
  }, 300_000);
});
