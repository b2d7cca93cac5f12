#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker daemon, and checks that every environment variable it gives a
# service is actually read by that service's application.properties (so the two cannot drift apart silently).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SERVICES=(invitation-service registration-service speaking-request-service notification-service invitee-web)
# Defaults shared by all services live in service-support (a dependency of each), so a variable read there
# counts as read by every service that depends on service-support.
SHARED_CONFIG=service-support/src/main/resources/META-INF/microprofile-config.properties

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "check-compose: installing docker-compose (Debian, v1: validates files without a daemon)"
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq docker-compose >/dev/null
fi

docker-compose -f docker-compose.yml config -q
echo "check-compose: docker-compose.yml is valid"

# The resolved file (anchors and ${VAR:-default} expanded), read with the YAML module docker-compose itself uses.
resolved="$(mktemp)"
trap 'rm -f "$resolved"' EXIT
docker-compose -f docker-compose.yml config > "$resolved"

failures=0
for svc in "${SERVICES[@]}"; do
  props="$svc/src/main/resources/application.properties"
  if [[ ! -f "$props" ]]; then
    echo "check-compose: $svc: $props missing"; failures=$((failures + 1)); continue
  fi
  names="$(python3 - "$resolved" "$svc" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
svc = doc.get("services", {}).get(sys.argv[2])
if svc is None:
    sys.exit("service %s is not in docker-compose.yml" % sys.argv[2])
env = svc.get("environment") or {}
if isinstance(env, list):
    env = dict(e.split("=", 1) if "=" in e else (e, "") for e in env)
print("\n".join(sorted(env)))
PY
)"
  sources=("$props")
  if [[ -f "$SHARED_CONFIG" ]] && grep -q '<artifactId>service-support</artifactId>' "$svc/pom.xml"; then
    sources+=("$SHARED_CONFIG")
  fi
  for name in $names; do
    [[ "$name" == QUARKUS_PROFILE ]] && continue
    if ! grep -qE "\\\$\\{${name}[}:]" "${sources[@]}"; then
      echo "check-compose: $svc: docker-compose.yml sets $name but $props never reads \${$name} (nor does $SHARED_CONFIG)"
      failures=$((failures + 1))
    fi
  done
done

if (( failures > 0 )); then
  echo "check-compose: FAILED ($failures problem(s))"
  exit 1
fi
echo "check-compose: every variable given to a service is read by it"
