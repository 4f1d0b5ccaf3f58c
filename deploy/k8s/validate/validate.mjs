// Strict, offline validation of rendered Kubernetes manifests (multi-document YAML files or stdin "-").
//
//   node validate.mjs FILE...                   every object must pass; exit 1 naming each problem
//   node validate.mjs --expect-failures FILE... every object must FAIL with the reason its annotation
//                                               validate.scalecommerce.com/expect names (the broken fixture)
//
// 1. Schema, from the npm package kubernetes-models (the Kubernetes OpenAPI definitions): wrong types, missing
//    required fields, bad enums fail (its validate()); unknown fields fail too: kubernetes-models' validators
//    allow extra properties, so this script walks each object against the property lists of the package's
//    type definitions (.d.ts) and rejects any field the API does not have, at any depth.
// 2. Custom resources (CloudNativePG Cluster/Database, OT redis-operator Redis) have no model there: each has a
//    minimal schema below covering the fields this repository uses, strict as well; any other CRD fails
//    (add its schema here).
// 3. Policy: every container has cpu/memory requests, a memory limit and a cpu limit, readiness and liveness
//    probes, runs as non-root, cannot escalate, drops all capabilities, has a read-only root filesystem, and
//    names an image by a tag other than latest (or a digest); every Deployment of a service has a Service, an
//    HPA and a PodDisruptionBudget; every Ingress has TLS; every namespace with Deployments has a default-deny
//    NetworkPolicy; a preStop hook leaves time for the shutdown within terminationGracePeriodSeconds.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const modelsDir = dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryDir = join(dirname(require.resolve("@kubernetes-models/apimachinery/package.json")));

// --- 1. the API's property lists, from the models' .d.ts files ---------------------------------------------
/** full OpenAPI name (IIoK8sApiAppsV1DeploymentSpec) -> { props: Map(name -> type text), typeMeta: bool } */
const interfaces = new Map();
function parseDts(file) {
  const text = readFileSync(file, "utf8");
  const local = new Map();
  for (const m of text.matchAll(/^export interface (\w+)(?: extends ([\w, ]+))? \{\n([\s\S]*?)^\}/gm)) {
    const props = new Map();
    const lines = m[3].split("\n");
    for (let i = 0; i < lines.length; i++) {
      const p = lines[i].match(/^    "([^"]+)"\??: (.*)$/);
      if (!p) continue;
      let type = p[2];
      if (type.trim() === "{") { // an inline map type: { [key: string]: T; }
        const body = [];
        while (++i < lines.length && !/^    \};?$/.test(lines[i])) body.push(lines[i].trim());
        type = "{ " + body.join(" ") + " }";
      }
      props.set(p[1], type.replace(/;$/, ""));
    }
    local.set(m[1], { props, typeMeta: /TypeMeta/.test(m[2] || "") });
  }
  for (const m of text.matchAll(/^export type \{([^}]*)\}/gm)) {
    for (const alias of m[1].split(",")) {
      const a = alias.trim().match(/^(\w+) as (\w+)$/);
      if (a && local.has(a[1])) interfaces.set(a[2], local.get(a[1]));
    }
  }
}
function walkDir(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== "node_modules" && entry.name !== "_schemas") walkDir(path); }
    else if (entry.name.endsWith(".d.ts")) parseDts(path);
  }
}
walkDir(modelsDir);
walkDir(apimachineryDir);

function refsIn(type) { return [...type.matchAll(/\bIIoK8s\w+/g)].map((m) => m[0]); }
/** Rejects every field of `value` that interface `name` does not declare, recursively. */
function unknownFields(value, name, path, problems) {
  const iface = interfaces.get(name);
  if (!iface || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (iface.typeMeta && (key === "apiVersion" || key === "kind")) continue;
    const type = iface.props.get(key);
    if (type === undefined) { problems.push(`${path}.${key}: unknown field (not in ${name.replace(/^IIoK8s/, "")})`); continue; }
    const refs = refsIn(type).filter((r) => interfaces.has(r));
    if (refs.length !== 1) continue; // primitives, quantities, int-or-string, free-form JSON
    const ref = refs[0];
    if (/^Array</.test(type) && Array.isArray(child)) child.forEach((c, i) => unknownFields(c, ref, `${path}.${key}[${i}]`, problems));
    else if (/^\{ \[key: string\]/.test(type) && child && typeof child === "object") for (const [k, c] of Object.entries(child)) unknownFields(c, ref, `${path}.${key}.${k}`, problems);
    else unknownFields(child, ref, `${path}.${key}`, problems);
  }
}

/** The kubernetes-models class and OpenAPI name for apiVersion + kind, or null. */
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const rel = group ? `${group}/${version}/${kind}` : `${version}/${kind}`;
  let mod;
  try { mod = await import(`kubernetes-models/${rel}`); } catch { return null; }
  const dts = readFileSync(join(modelsDir, `${rel}.d.ts`), "utf8");
  const alias = dts.match(new RegExp(`I${kind} as (IIoK8s\\w+)`));
  return { Model: mod[kind], name: alias ? alias[1] : null };
}

// --- 2. custom resources: minimal strict schemas -----------------------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: false });
const str = { type: "string" }, int = { type: "integer" }, bool = { type: "boolean" };
const obj = (properties, required = []) => ({ type: "object", additionalProperties: false, properties, required });
const mapOf = (v) => ({ type: "object", additionalProperties: v });
const quantity = { anyOf: [str, { type: "number" }] };
const resources = obj({ requests: mapOf(quantity), limits: mapOf(quantity) });
const secretRef = obj({ name: str }, ["name"]);
const meta = { type: "object" }; // ObjectMeta is checked by the common metadata rule below
const crdSchemas = {
  "postgresql.cnpg.io/v1/Cluster": obj({ apiVersion: str, kind: str, metadata: meta, spec: obj({
    instances: { type: "integer", minimum: 1 }, imageName: str, primaryUpdateStrategy: { enum: ["unsupervised", "supervised"] },
    inheritedMetadata: obj({ labels: mapOf(str), annotations: mapOf(str) }),
    postgresql: obj({ parameters: mapOf(str) }),
    bootstrap: obj({ initdb: obj({ database: str, owner: str, secret: secretRef }) }),
    managed: obj({ roles: { type: "array", items: obj({ name: str, ensure: { enum: ["present", "absent"] }, login: bool,
      superuser: bool, createdb: bool, inRoles: { type: "array", items: str }, passwordSecret: secretRef, comment: str }, ["name"]) } }),
    storage: obj({ size: str, storageClass: str }, ["size"]), walStorage: obj({ size: str, storageClass: str }, ["size"]),
    resources,
    affinity: obj({ enablePodAntiAffinity: bool, topologyKey: str, podAntiAffinityType: { enum: ["preferred", "required"] } }),
    monitoring: obj({ enablePodMonitor: bool }),
  }, ["instances", "storage"]) }, ["spec"]),
  "postgresql.cnpg.io/v1/Database": obj({ apiVersion: str, kind: str, metadata: meta, spec: obj({
    cluster: obj({ name: str }, ["name"]), name: str, owner: str, ensure: { enum: ["present", "absent"] },
  }, ["cluster", "name", "owner"]) }, ["spec"]),
  "redis.redis.opstreelabs.in/v1beta2/Redis": obj({ apiVersion: str, kind: str, metadata: meta, spec: obj({
    kubernetesConfig: obj({ image: str, imagePullPolicy: { enum: ["Always", "IfNotPresent", "Never"] },
      redisSecret: obj({ name: str, key: str }, ["name", "key"]), resources }, ["image"]),
    redisConfig: obj({ additionalRedisConfig: str }),
    storage: obj({ volumeClaimTemplate: obj({ spec: obj({ accessModes: { type: "array", items: str }, storageClassName: str,
      resources: obj({ requests: mapOf(quantity) }) }) }) }),
    podSecurityContext: obj({ runAsUser: int, runAsGroup: int, fsGroup: int, runAsNonRoot: bool }),
  }, ["kubernetesConfig"]) }, ["spec"]),
};
const crdValidators = Object.fromEntries(Object.entries(crdSchemas).map(([k, s]) => [k, ajv.compile(s)]));

// --- 3. policy ---------------------------------------------------------------------------------------------
const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);
function podSpecOf(o) {
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec;
  return WORKLOADS.has(o.kind) ? o.spec?.template?.spec : o.kind === "Pod" ? o.spec : null;
}
function policy(o, where, problems) {
  const pod = podSpecOf(o);
  if (pod) {
    const podNonRoot = pod.securityContext?.runAsNonRoot === true;
    for (const c of [...(pod.initContainers || []), ...(pod.containers || [])]) {
      const at = `${where} container ${c.name}`;
      const r = c.resources || {};
      for (const k of ["cpu", "memory"]) if (!r.requests?.[k]) problems.push(`${at}: no ${k} request`);
      for (const k of ["cpu", "memory"]) if (!r.limits?.[k]) problems.push(`${at}: no ${k} limit`);
      if (!(pod.initContainers || []).includes(c)) {
        if (!c.readinessProbe) problems.push(`${at}: no readinessProbe`);
        if (!c.livenessProbe) problems.push(`${at}: no livenessProbe`);
      }
      const sc = c.securityContext || {};
      if (!(sc.runAsNonRoot === true || (podNonRoot && sc.runAsNonRoot !== false))) problems.push(`${at}: runAsNonRoot is not true`);
      if (sc.runAsUser === 0 || pod.securityContext?.runAsUser === 0) problems.push(`${at}: runs as UID 0`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
      if (!(sc.capabilities?.drop || []).includes("ALL")) problems.push(`${at}: capabilities do not drop ALL`);
      if (sc.privileged) problems.push(`${at}: privileged`);
      const image = c.image || "";
      const tag = image.includes("@") ? "digest" : (image.split("/").pop().split(":")[1] || "");
      if (!tag) problems.push(`${at}: image ${image} has no tag (implicit latest)`);
      else if (tag === "latest") problems.push(`${at}: image ${image} uses the latest tag`);
      const sleep = c.lifecycle?.preStop?.exec?.command;
      if (Array.isArray(sleep) && sleep[0] === "sleep") {
        const grace = pod.terminationGracePeriodSeconds ?? 30;
        if (grace <= Number(sleep[1])) problems.push(`${at}: terminationGracePeriodSeconds ${grace} leaves no time after the preStop sleep ${sleep[1]} s`);
      }
    }
  }
  if (o.kind === "Ingress" && !(o.spec?.tls?.length > 0)) problems.push(`${where}: Ingress without TLS`);
}
function crossChecks(objects, problems) {
  const key = (ns, kind, name) => `${ns}/${kind}/${name}`;
  const index = new Set(objects.map((o) => key(o.metadata?.namespace || "", o.kind, o.metadata?.name)));
  const namespacesWithDeployments = new Set();
  for (const o of objects) {
    if (o.kind !== "Deployment") continue;
    const ns = o.metadata?.namespace || "";
    namespacesWithDeployments.add(ns);
    if (o.metadata?.labels?.["app.kubernetes.io/component"] !== "service") continue;
    const name = o.metadata.name;
    if (!index.has(key(ns, "Service", name))) problems.push(`Deployment ${ns}/${name}: no Service ${name}`);
    const hpa = objects.find((h) => h.kind === "HorizontalPodAutoscaler" && (h.metadata?.namespace || "") === ns && h.spec?.scaleTargetRef?.name === name);
    if (!hpa) problems.push(`Deployment ${ns}/${name}: no HorizontalPodAutoscaler`);
    const labels = o.spec?.template?.metadata?.labels || {};
    const pdb = objects.find((p) => p.kind === "PodDisruptionBudget" && (p.metadata?.namespace || "") === ns &&
      Object.entries(p.spec?.selector?.matchLabels || { "": "" }).every(([k, v]) => labels[k] === v));
    if (!pdb) problems.push(`Deployment ${ns}/${name}: no PodDisruptionBudget`);
  }
  for (const ns of namespacesWithDeployments) {
    const deny = objects.some((p) => p.kind === "NetworkPolicy" && (p.metadata?.namespace || "") === ns &&
      Object.keys(p.spec?.podSelector || {}).length === 0 && !p.spec?.ingress && !p.spec?.egress &&
      ["Ingress", "Egress"].every((t) => (p.spec?.policyTypes || []).includes(t)));
    if (!deny) problems.push(`namespace ${ns || "(none)"}: Deployments but no default-deny NetworkPolicy`);
  }
}

// --- run ---------------------------------------------------------------------------------------------------
function load(file) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new Error(`${file}: YAML: ${d.errors[0].message}`);
    const o = d.toJS();
    // kustomize folds long base64 values over lines; the API server's decoder skips the newlines, so does this.
    if (o?.kind === "Secret" && o.data) for (const k of Object.keys(o.data)) o.data[k] = String(o.data[k]).replace(/\s+/g, "");
    return o;
  }).filter(Boolean);
}
async function check(o) {
  const problems = [];
  if (!o.apiVersion || !o.kind) return ["no apiVersion/kind"];
  const where = `${o.kind} ${o.metadata?.namespace ? o.metadata.namespace + "/" : ""}${o.metadata?.name}`;
  if (!o.metadata?.name) problems.push(`${where}: metadata.name is required`);
  const crd = crdValidators[`${o.apiVersion}/${o.kind}`];
  if (crd) {
    if (!crd(o)) for (const e of crd.errors) problems.push(`${where}: ${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
    unknownFields(o.metadata, "IIoK8sApimachineryPkgApisMetaV1ObjectMeta", `${where} metadata`, problems);
  } else {
    const model = await modelFor(o.apiVersion, o.kind);
    if (!model) problems.push(`${where}: unknown apiVersion/kind ${o.apiVersion} ${o.kind} (no model; a CRD needs a schema in validate.mjs)`);
    else {
      try { new model.Model(o).validate(); } catch (e) { problems.push(`${where}: ${e.message}`); }
      if (model.name) unknownFields(o, model.name, where, problems);
    }
  }
  policy(o, where, problems);
  return problems;
}

const args = process.argv.slice(2);
const expectFailures = args[0] === "--expect-failures";
const files = expectFailures ? args.slice(1) : args;
if (!files.length) { console.error("usage: node validate.mjs [--expect-failures] FILE..."); process.exit(2); }
let failed = 0, count = 0;
for (const file of files) {
  const objects = load(file);
  const perObject = [];
  for (const o of objects) perObject.push([o, await check(o)]);
  if (!expectFailures) {
    const cross = [];
    crossChecks(objects, cross);
    for (const [, problems] of perObject) for (const p of problems) { console.log(`  FAIL ${file}: ${p}`); failed++; }
    for (const p of cross) { console.log(`  FAIL ${file}: ${p}`); failed++; }
    count += objects.length;
    console.log(`  ${perObject.filter(([, p]) => !p.length).length}/${objects.length} objects valid in ${file}${cross.length ? `, ${cross.length} cross-object problems` : ""}`);
  } else {
    for (const [o, problems] of perObject) {
      count++;
      const expect = o.metadata?.annotations?.["validate.scalecommerce.com/expect"];
      const name = `${o.kind} ${o.metadata?.name}`;
      if (!expect) { console.log(`  FAIL ${file}: ${name} has no validate.scalecommerce.com/expect annotation`); failed++; continue; }
      if (problems.some((p) => p.includes(expect))) console.log(`  ok   ${name}: rejected (${problems.find((p) => p.includes(expect)).replace(/^.*?: /, "")})`);
      else { console.log(`  FAIL ${name}: expected a problem containing "${expect}", got: ${problems.join("; ") || "none (it passed)"}`); failed++; }
    }
  }
}
console.log(expectFailures ? `broken fixture: ${count - failed} passed, ${failed} failed` : `schema+policy: ${count - failed >= 0 ? count : 0} objects, ${failed} problems`);
process.exit(failed ? 1 : 0);
