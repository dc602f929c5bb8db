#!/usr/bin/env bash
# Installs (apt) and starts the servers the tests and a local production-like run need:
# RabbitMQ, PostgreSQL, Chromium. Sourced by infra/test.sh; each start_* records what it started so that
# stop_started stops only that. Works as root on a fresh Debian 12 machine with no systemd.

STARTED=()

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "infra: installing ${missing[*]}"
    if [ -z "${APT_UPDATED:-}" ]; then
      apt-get update -qq
      APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

rabbitmq_ready() { rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; }

start_rabbitmq() {
  apt_install rabbitmq-server
  if rabbitmq_ready; then
    echo "infra: RabbitMQ already running"
    return
  fi
  echo "infra: starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 90); do
    rabbitmq_ready && { STARTED+=(rabbitmq); echo "infra: RabbitMQ ready"; return; }
    sleep 1
  done
  echo "infra: RabbitMQ did not become ready in 90 s" >&2
  return 1
}

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

start_postgres() {
  [ -n "$(pg_version)" ] || apt_install postgresql
  local version; version=$(pg_version)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  if pg_isready -h 127.0.0.1 -q; then
    echo "infra: PostgreSQL already running"
    return
  fi
  echo "infra: starting PostgreSQL $version"
  pg_ctlcluster "$version" main start
  for _ in $(seq 1 60); do
    pg_isready -h 127.0.0.1 -q && { STARTED+=("postgres:$version"); echo "infra: PostgreSQL ready"; return; }
    sleep 1
  done
  echo "infra: PostgreSQL did not become ready in 60 s" >&2
  return 1
}

install_chromium() {
  apt_install chromium fonts-noto-cjk
}

stop_started() {
  for s in "${STARTED[@]}"; do
    case "$s" in
      rabbitmq) echo "infra: stopping RabbitMQ"; rabbitmqctl stop >/dev/null 2>&1 || true ;;
      postgres:*) echo "infra: stopping PostgreSQL"; pg_ctlcluster "${s#postgres:}" main stop >/dev/null 2>&1 || true ;;
    esac
  done
  STARTED=()
}
