# Sourced by mail.sh and keycloak.sh: waiting for a process to end and its ports to be free, so that a
# restart never meets the old server still holding a port (and a readiness check never talks to it).

# port_taken PORT: something accepts connections on 127.0.0.1:PORT.
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# refuse_taken_ports WHAT PORT...: exits with a message naming the first port already taken.
refuse_taken_ports() {
  local what=$1 port
  shift
  for port in "$@"; do
    if port_taken "$port"; then
      echo "Cannot start $what: port $port is already taken by another process (stop it first)." >&2
      exit 1
    fi
  done
}

# stop_and_wait PID PORT...: TERM, then KILL after 30 s; returns once the process has exited and no port
# of the list accepts connections any more (at most 30 s more), non-zero if a port stays taken.
stop_and_wait() {
  local pid=$1 port
  shift
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      # A launcher (kc.sh) runs its JVM as a child: the child goes too, or it would keep the ports.
      pkill -9 -P "$pid" 2>/dev/null || true
      kill -9 "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  for port in "$@"; do
    for _ in $(seq 1 60); do port_taken "$port" || break; sleep 0.5; done
    if port_taken "$port"; then
      echo "Port $port is still taken after stopping process $pid." >&2
      return 1
    fi
  done
}
