#!/bin/bash
# Container health check without curl or wget in the image: an HTTP/1.0 GET of the readiness group
# over bash's /dev/tcp. The port follows the same variable the service reads (FOCUSSYNC_<NAME>_PORT).
set -euo pipefail
case "${FOCUSSYNC_SERVICE:-}" in
  api-gateway) port="${FOCUSSYNC_GATEWAY_PORT:-8080}" ;;
  tracker-ingest) port="${FOCUSSYNC_TRACKER_INGEST_PORT:-8081}" ;;
  allocator) port="${FOCUSSYNC_ALLOCATOR_PORT:-8082}" ;;
  clockify-connector) port="${FOCUSSYNC_CLOCKIFY_CONNECTOR_PORT:-8083}" ;;
  notion-connector) port="${FOCUSSYNC_NOTION_CONNECTOR_PORT:-8084}" ;;
  *) echo "unknown FOCUSSYNC_SERVICE '${FOCUSSYNC_SERVICE:-}'" >&2; exit 1 ;;
esac
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 4 status <&3
exec 3<&-
[[ "${status}" == HTTP/1.?" 200"* ]]
