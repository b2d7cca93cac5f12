#!/usr/bin/env bash
# ShellCheck on every shell script in the repository (those with a bash or sh shebang), at every severity. mvnw is
# left out: the Maven wrapper plugin generates it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "check-scripts: installing shellcheck (Debian)"
  sudo=()
  (( EUID == 0 )) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq shellcheck >/dev/null
fi

scripts=()
while IFS= read -r file; do
  [[ "$file" == mvnw ]] && continue
  if head -n 1 "$file" | grep -qE '^#!.*\b(ba)?sh\b'; then scripts+=("$file"); fi
done < <(git ls-files)
(( ${#scripts[@]} > 0 )) || { echo "check-scripts: no script found"; exit 1; }

shellcheck --severity=style "${scripts[@]}"
echo "check-scripts: ${#scripts[@]} scripts pass ShellCheck: ${scripts[*]}"
