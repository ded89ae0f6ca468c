#!/usr/bin/env bash
# Regenerates src/main/resources/dev/driftdeck/aws/provider-arguments.json: every resource type of the hashicorp/aws
# provider with each top-level attribute marked required, optional, block (a nested block) or computed (set by AWS
# only), from `terraform providers schema -json` of the provider version below. id and timeouts are left out.
# It is the reference that says which arguments a supported type must compare or list as not compared, with a reason.
# Usage: scripts/extract-provider-schema.sh   Needs: terraform, python3, the provider mirror (as make-tfstate-fixtures.sh)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
version=5.100.0
source "$(dirname "$0")/lib/provider-mirror.sh"
mirror=$(find_mirror)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["$provider"]
  }
}
RC
cat >"$work/main.tf" <<TF
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "$version" }
  }
}
TF
(cd "$work" && TF_CLI_CONFIG_FILE="$work/terraformrc" terraform init -input=false >/dev/null \
  && TF_CLI_CONFIG_FILE="$work/terraformrc" terraform providers schema -json >"$work/schema.json")

python3 - "$work/schema.json" "$version" "$repo/src/main/resources/dev/driftdeck/aws/provider-arguments.json" <<'PY'
import json, sys
schema, version, out = sys.argv[1:]
resources = json.load(open(schema))["provider_schemas"]["registry.terraform.io/hashicorp/aws"]["resource_schemas"]
lines = []
for type_name in sorted(resources):
    block = resources[type_name]["block"]
    kinds = {}
    for name, attribute in block.get("attributes", {}).items():
        if name == "id":
            continue
        kinds[name] = "required" if attribute.get("required") else "optional" if attribute.get("optional") else "computed"
    for name in block.get("block_types", {}):
        if name != "timeouts":
            kinds[name] = "block"
    lines.append(json.dumps(type_name) + ":" + json.dumps(dict(sorted(kinds.items())), separators=(",", ":")))
with open(out, "w") as f:
    f.write('{"provider":"registry.terraform.io/hashicorp/aws","version":"%s",\n"resources":{\n' % version)
    f.write(",\n".join(lines))
    f.write("\n}}\n")
print("wrote", out, len(lines), "types")
PY
