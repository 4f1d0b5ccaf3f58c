#!/usr/bin/env bash
# Offline validation of the Kubernetes manifests (no cluster, no network once the npm packages are installed):
#   1. kubectl kustomize renders the base and every overlay (secret files: deploy/k8s/secrets.sh writes
#      throwaway values where none exist; they are gitignored)
#   2. every rendered object passes strict schema validation (kubernetes-models; unknown fields, wrong types,
#      missing required fields fail; CRDs against validate/validate.mjs' minimal schemas) and the policy checks
#      (requests, limits, probes, non-root, read-only root, no latest tag, HPA + PDB + Service per service,
#      TLS on the Ingress, default-deny per namespace)
#   3. the deliberately broken fixtures fail, each for its stated reason (the validator's own test)
#   4. no Secret manifest with values is committed under deploy/k8s
# Needs kubectl (with its built-in kustomize) and Node.js 20+; installs validate/node_modules from the lockfile.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
passed=0 failed=0
pass() { printf '  ok   %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf '  FAIL %s\n' "$*"; failed=$((failed + 1)); }

command -v kubectl >/dev/null || { echo "validate: kubectl is required (its built-in kustomize renders the overlays)" >&2; exit 2; }
command -v node >/dev/null || { echo "validate: Node.js 20+ is required" >&2; exit 2; }
if [ ! -d validate/node_modules/kubernetes-models ] || [ validate/package-lock.json -nt validate/node_modules/.package-lock.json ]; then
  (cd validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) || { echo "validate: npm ci failed in deploy/k8s/validate" >&2; exit 2; }
fi
./secrets.sh local >/dev/null
./secrets.sh prod >/dev/null

out=validate/.work
rm -rf "$out" && mkdir -p "$out"
echo "Rendering (kubectl kustomize)"
targets=(base overlays/local overlays/prod overlays/prod/app overlays/prod/stores)
for target in "${targets[@]}"; do
  file="$out/$(echo "$target" | tr / -).yaml"
  if kubectl kustomize "$target" >"$file" 2>"$file.err"; then
    pass "$target: $(grep -c '^kind:' "$file") objects"
  else
    fail "$target: $(head -3 "$file.err")"
    rm -f "$file"
  fi
done

echo "Schema and policy (validate/validate.mjs)"
for file in "$out"/*.yaml; do
  name=$(basename "$file" .yaml)
  if report=$(node validate/validate.mjs "$file" 2>&1); then
    pass "$name: $(echo "$report" | grep -o '[0-9]*/[0-9]* objects valid')"
  else
    fail "$name:"; echo "$report" | grep FAIL | sed 's/^/    /'
  fi
done

echo "The broken fixtures must fail"
if report=$(node validate/validate.mjs --expect-failures validate/fixtures/broken.yaml 2>&1); then
  pass "fixtures/broken.yaml: $(echo "$report" | grep -c '^  ok') objects, each rejected for its stated reason"
else
  fail "fixtures/broken.yaml:"; echo "$report" | grep FAIL | sed 's/^/    /'
fi
report=$(node validate/validate.mjs validate/fixtures/missing-companions.yaml 2>&1) && status=0 || status=$?
missing=()
for expect in "no Service" "no HorizontalPodAutoscaler" "no PodDisruptionBudget" "no default-deny NetworkPolicy"; do
  grep -q "$expect" <<<"$report" || missing+=("$expect")
done
if [ "$status" -ne 0 ] && ((${#missing[@]} == 0)); then
  pass "fixtures/missing-companions.yaml: rejected (no Service, HPA, PDB, default-deny)"
else
  fail "fixtures/missing-companions.yaml: exit $status, not reported: ${missing[*]:-}"
fi

echo "No secret values in git"
committed=$(cd "$here" && git ls-files -- . 2>/dev/null | grep -E '\.ya?ml$' | xargs -r grep -lE '^kind: Secret' 2>/dev/null || true)
if [ -z "$committed" ]; then pass "no Secret manifests committed under deploy/k8s (values come from gitignored generator files)"
else fail "Secret manifests committed: $committed"; fi

echo
echo "validation: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
