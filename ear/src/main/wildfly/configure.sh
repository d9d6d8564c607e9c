#!/usr/bin/env bash
# Configures the unpacked WildFly for LorKit: starts from the distribution's standalone.xml (and
# standalone-ha.xml for a cluster) every build, so the result depends only on the CLI scripts here
# (no state left over from earlier builds).
#   lorkit.xml     one node: configure.cli
#   lorkit-ha.xml  a cluster node: configure.cli, then cluster.cli (JGroups over TCP, sessions and timers shared)
set -euo pipefail
wildfly_home=$1
here=$(cd "$(dirname "$0")" && pwd)
config_dir=$wildfly_home/standalone/configuration
log=$wildfly_home/lorkit-configure.log
: > "$log"

apply() { # config-file cli-script
  "$wildfly_home/bin/jboss-cli.sh" -Dlorkit.server.config="$1" --file="$2" >> "$log" 2>&1 || {
    cat "$log" >&2
    exit 1
  }
}

cp "$config_dir/standalone.xml" "$config_dir/lorkit.xml"
apply lorkit.xml "$here/configure.cli"
cp "$config_dir/standalone-ha.xml" "$config_dir/lorkit-ha.xml"
apply lorkit-ha.xml "$here/configure.cli"
apply lorkit-ha.xml "$here/cluster.cli"
# The first lines of a start follow logging.properties (WildFly writes it again from the logging subsystem once that
# starts): the distribution's lists the JVM's arguments, passwords included (configure.cli).
sed -i 's/^logger\.org\.jboss\.as\.config\.level=DEBUG$/logger.org.jboss.as.config.level=INFO/' "$config_dir/logging.properties"
grep -q '^logger.org.jboss.as.config.level=INFO$' "$config_dir/logging.properties" || {
  echo "configure.sh: logging.properties does not set org.jboss.as.config to INFO" >&2
  exit 1
}
echo "WildFly configured for LorKit: $config_dir/lorkit.xml and lorkit-ha.xml"
