# Sourced by the fixture scripts: prints the filesystem mirror that holds the hashicorp/aws provider, searched as the
# tests' ProviderMirror searches (TF_PLUGIN_MIRROR, else Terraform's implied local mirrors, then /opt/tf-plugins).
provider=registry.terraform.io/hashicorp/aws
find_mirror() {
  if [ -n "${TF_PLUGIN_MIRROR:-}" ]; then
    [ -d "$TF_PLUGIN_MIRROR/$provider" ] || { echo "TF_PLUGIN_MIRROR=$TF_PLUGIN_MIRROR has no $provider directory" >&2; return 1; }
    echo "$TF_PLUGIN_MIRROR"; return 0
  fi
  local candidates=("$HOME/.terraform.d/plugins" "${XDG_DATA_HOME:-$HOME/.local/share}/terraform/plugins")
  local dirs dir
  IFS=: read -r -a dirs <<<"${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  for dir in "${dirs[@]}"; do [ -n "$dir" ] && candidates+=("$dir/terraform/plugins"); done
  candidates+=(/opt/tf-plugins)
  for dir in "${candidates[@]}"; do
    [ -d "$dir/$provider" ] && { echo "$dir"; return 0; }
  done
  echo "No filesystem mirror of $provider found (looked in ${candidates[*]}); set TF_PLUGIN_MIRROR" >&2
  return 1
}
