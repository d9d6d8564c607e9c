#!/bin/sh
# Starts WildFly for LorKit in the container; the arguments go to standalone.sh (the image's default is
# "-c lorkit.xml", one server; docker/compose.yaml runs "-c lorkit-ha.xml -Djboss.node.name=lorkit-N", a
# cluster member). Binds HTTP to every interface, the management interface too (port 9990: the load balancer asks
# /health/ready there, a monitor scrapes /metrics; compose.yaml never publishes it, and it has no management user),
# and the cluster traffic (the "private" interface of lorkit-ha.xml, JGroups) to this container's own address, which
# is only known when the container runs.
set -eu

# "hostname -i" where the image has it; else the line Docker writes into /etc/hosts for this container.
address=$(hostname -i 2>/dev/null || true)
address=${address%% *}
if [ -z "$address" ]; then
  name=$(cat /etc/hostname)
  address=$(grep -E "[[:space:]]${name}([[:space:]]|\$)" /etc/hosts | head -n 1 | sed 's/[[:space:]].*//')
fi
if [ -z "$address" ]; then
  echo "lorkit-node: cannot tell this container's address (hostname -i and /etc/hosts gave nothing)" >&2
  exit 1
fi

exec /opt/jboss/wildfly/bin/standalone.sh -b 0.0.0.0 -bmanagement 0.0.0.0 -Djboss.bind.address.private="$address" "$@"
