#!/usr/bin/env bash
# Configures the unpacked WildFly for LorKit: starts from the distribution's standalone.xml every
# build, so the result depends only on configure.cli (no state left over from earlier builds).
set -euo pipefail
wildfly_home=$1
here=$(cd "$(dirname "$0")" && pwd)
config_dir=$wildfly_home/standalone/configuration
cp "$config_dir/standalone.xml" "$config_dir/lorkit.xml"
"$wildfly_home/bin/jboss-cli.sh" --file="$here/configure.cli" > "$wildfly_home/lorkit-configure.log" 2>&1 || {
  cat "$wildfly_home/lorkit-configure.log" >&2
  exit 1
}
echo "WildFly configured for LorKit: $config_dir/lorkit.xml"
