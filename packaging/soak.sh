#!/usr/bin/env bash
# Soak test of the serving stack (run by hand; figures go in docs/security.md):
#
#   packaging/soak.sh BUILD_DIR [MINUTES=10] [CONNECTIONS=64]
#
# `modeldesk-cli serve` on 127.0.0.1 with three deployments (mlp v1, mlp-b on mlp v2, linear v1),
# wrk keeping CONNECTIONS connections busy across the three for MINUTES (one wrk run per minute, so
# p99 and errors are per minute), and meanwhile, through the management API:
#   - a hot swap of "mlp" between v1 and v2 every 30 s (no request may fail),
#   - a canary change on "mlp-b" every 60 s (v1 at 10 / 25 / 50 %, then cleared),
#   - a token created, used and revoked every 20 s (a revoked token must answer 401 at once).
# Every 10 s the server's RSS and open file descriptors are sampled. Prints a summary; exits 1 when
# a request failed (non-2xx or socket error), a management call failed, RSS moved more than 5%
# between the end of the first minute and the end, or descriptors grew. Needs wrk and curl.
set -euo pipefail

BUILD=$(realpath "${1:?usage: packaging/soak.sh BUILD_DIR [MINUTES] [CONNECTIONS]}")
MINUTES=${2:-10}
CONNS=${3:-64}
CLI=$BUILD/app/modeldesk-cli/modeldesk-cli
MODELS=$BUILD/tests/models-data
for f in "$CLI" "$MODELS/mlp.pt" "$MODELS/mlp_v2.pt" "$MODELS/linear.pt"; do
  [ -e "$f" ] || { echo "soak: missing $f (build modeldesk-cli and modeldesk_test_models)" >&2; exit 2; }
done
for t in wrk curl; do
  command -v "$t" >/dev/null || { echo "soak: '$t' is not installed (packaging/install-deps.sh)" >&2; exit 2; }
done
export OPENBLAS_NUM_THREADS=1 # see tests/bench/bench_http.sh

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

WS=$WORK/ws
md() { "$CLI" --workspace "$WS" "$@"; }
md models import "$MODELS/mlp.pt" --name mlp >/dev/null
md models import "$MODELS/mlp_v2.pt" --name mlp >/dev/null
md models import "$MODELS/linear.pt" --name linear >/dev/null
TOKEN=$(md tokens create --name soak --role operator | tail -n 1)
ADMIN=$(md tokens create --name soak-admin --role admin | tail -n 1)
md deploy mlp:2 --name mlp-b >/dev/null
# Started directly (not through md): $! must be the server itself, whose RSS and descriptors we sample.
"$CLI" --workspace "$WS" serve --port 0 --deploy mlp:1 --deploy linear:1 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
PIDS+=("$SERVE_PID")
URL=""
for _ in $(seq 1 900); do
  URL=$(grep -o 'serving on http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -n1 | cut -d' ' -f3 || true)
  # mlp-b is restored from the workspace (no "ready" line): ask the server for its state.
  if [ -n "$URL" ] && grep -q "deployment mlp ready" "$WORK/serve.log" && grep -q "deployment linear ready" "$WORK/serve.log" \
     && curl -sf "$URL/v2/models/mlp-b/ready" -H "Authorization: Bearer $TOKEN" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "soak: the server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }

# Request bodies: one row each (mlp 784 inputs, linear 4).
row() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s%.4f", (i ? "," : ""), (i % 97) / 97.0 }'; }
printf '{"inputs":[{"name":"input__0","datatype":"FP32","shape":[1,784],"data":[%s]}]}' "$(row 784)" >"$WORK/mlp.json"
printf '{"inputs":[{"name":"input__0","datatype":"FP32","shape":[1,4],"data":[%s]}]}' "$(row 4)" >"$WORK/linear.json"
for d in mlp mlp-b; do
  curl -sf "$URL/v2/models/$d/infer" -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/mlp.json" >/dev/null \
    || { echo "soak: $d does not answer" >&2; exit 1; }
done
curl -sf "$URL/v2/models/linear/infer" -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/linear.json" >/dev/null \
  || { echo "soak: linear does not answer" >&2; exit 1; }

# wrk: each connection cycles through the three deployments.
cat >"$WORK/soak.lua" <<'EOF'
local function slurp(p) local f = assert(io.open(p, "rb")); local s = f:read("*a"); f:close(); return s end
local mlp = slurp(os.getenv("MLP_BODY"))
local linear = slurp(os.getenv("LINEAR_BODY"))
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local counter = 0
request = function()
  counter = counter + 1
  local k = counter % 3
  if k == 0 then return wrk.format("POST", "/v2/models/mlp/infer", headers, mlp) end
  if k == 1 then return wrk.format("POST", "/v2/models/mlp-b/infer", headers, mlp) end
  return wrk.format("POST", "/v2/models/linear/infer", headers, linear)
end
EOF
export MLP_BODY=$WORK/mlp.json LINEAR_BODY=$WORK/linear.json TOKEN

api() { # METHOD PATH [BODY] -> status code; body in $WORK/api.out
  curl -s -o "$WORK/api.out" -w '%{http_code}' -X "$1" "$URL$2" -H "Authorization: Bearer $ADMIN" \
       -H 'Content-Type: application/json' ${3:+-d "$3"}
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVE_PID/status"; }
fds() { ls "/proc/$SERVE_PID/fd" | wc -l; }

# --- churn: swaps, canaries, tokens ---------------------------------------------------------------
: >"$WORK/churn.log"
churn() {
  local t=0 version=2 canary=0 n=0 code
  local percents=(10 25 50 0)
  while :; do
    sleep 10
    t=$((t + 10))
    if [ $((t % 30)) -eq 0 ]; then
      code=$(api POST /api/v1/deployments/mlp/swap "{\"version\":$version}")
      echo "swap $version $code" >>"$WORK/churn.log"
      version=$((3 - version))
    fi
    if [ $((t % 60)) -eq 0 ]; then
      local p=${percents[$((canary % 4))]}
      if [ "$p" -eq 0 ]; then code=$(api POST /api/v1/deployments/mlp-b/canary '{"version":null}')
      else code=$(api POST /api/v1/deployments/mlp-b/canary "{\"version\":1,\"percent\":$p}"); fi
      echo "canary $p $code" >>"$WORK/churn.log"
      canary=$((canary + 1))
    fi
    if [ $((t % 20)) -eq 0 ]; then
      n=$((n + 1))
      code=$(api POST /api/v1/tokens "{\"name\":\"churn-$n\",\"role\":\"viewer\"}")
      local secret
      secret=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$WORK/api.out")
      local before after
      before=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/deployments" -H "Authorization: Bearer $secret")
      local rc
      rc=$(api DELETE "/api/v1/tokens/churn-$n")
      after=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/deployments" -H "Authorization: Bearer $secret")
      echo "token $code $before $rc $after" >>"$WORK/churn.log"
    fi
    echo "sample $t $(rss_kib) $(fds)" >>"$WORK/churn.log"
  done
}
churn &
CHURN_PID=$!
PIDS+=("$CHURN_PID")

echo "soak: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $MINUTES min at $CONNS connections on $URL"
RSS0=$(rss_kib); FD0=$(fds)
TOTAL=0; NON2XX=0; SOCKERR=0; P99S=(); RATES=()
for m in $(seq 1 "$MINUTES"); do
  out=$(wrk -t2 -c"$CONNS" -d60s --latency -s "$WORK/soak.lua" "$URL")
  count=$(awk '/requests in/ {print $1}' <<<"$out")
  rate=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  non=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); non=${non:-0}
  sock=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out"); sock=${sock:-0}
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  TOTAL=$((TOTAL + count)); NON2XX=$((NON2XX + non)); SOCKERR=$((SOCKERR + sock))
  P99S+=("$p99"); RATES+=("$rate")
  [ "$m" -eq 1 ] && { RSS1=$(rss_kib); FD1=$(fds); }
  printf '  minute %2d: %6s req/s  p99 %-8s non-2xx %s  socket errors %s  RSS %s KiB  fds %s\n' \
    "$m" "$rate" "$p99" "$non" "$sock" "$(rss_kib)" "$(fds)"
done
RSS2=$(rss_kib); FD2=$(fds)
kill "$CHURN_PID" 2>/dev/null || true

swaps=$(grep -c '^swap' "$WORK/churn.log" || true)
swapsBad=$(awk '$1=="swap" && $3!=200' "$WORK/churn.log" | wc -l)
canaries=$(grep -c '^canary' "$WORK/churn.log" || true)
canariesBad=$(awk '$1=="canary" && $3!=200' "$WORK/churn.log" | wc -l)
tokens=$(grep -c '^token' "$WORK/churn.log" || true)
# created 201, usable 200 before, revoked 200/204, refused 401 after
tokensBad=$(awk '$1=="token" && !($2==201 && $3==200 && ($4==200 || $4==204) && $5==401)' "$WORK/churn.log" | wc -l)
rssMin=$(awk '$1=="sample" {print $3}' "$WORK/churn.log" | sort -n | head -1)
rssMax=$(awk '$1=="sample" {print $3}' "$WORK/churn.log" | sort -n | tail -1)
drift=$(awk -v a="$RSS1" -v b="$RSS2" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')

echo "soak summary ($MINUTES min, $CONNS connections, 3 deployments):"
echo "  requests $TOTAL; non-2xx $NON2XX; socket errors $SOCKERR; req/s per minute: ${RATES[*]}"
echo "  p99 per minute: ${P99S[*]}"
echo "  hot swaps $swaps (failed $swapsBad); canary changes $canaries (failed $canariesBad); tokens created+revoked $tokens (wrong answers $tokensBad)"
echo "  RSS KiB: start $RSS0, after minute 1 $RSS1, end $RSS2 (drift ${drift}% since minute 1; sampled min $rssMin max $rssMax)"
echo "  file descriptors: start $FD0, after minute 1 $FD1, end $FD2"

status=0
[ "$NON2XX" -eq 0 ] && [ "$SOCKERR" -eq 0 ] || { echo "soak FAILED: failed requests" >&2; status=1; }
[ "$swapsBad" -eq 0 ] && [ "$canariesBad" -eq 0 ] && [ "$tokensBad" -eq 0 ] || {
  echo "soak FAILED: management calls (see below)" >&2; grep -v '^sample' "$WORK/churn.log" >&2; status=1; }
awk -v d="$drift" 'BEGIN { exit !(d > 5 || d < -5) }' && { echo "soak FAILED: RSS drift ${drift}%" >&2; status=1; }
[ "$FD2" -le "$FD1" ] || { echo "soak FAILED: file descriptors grew ($FD1 -> $FD2)" >&2; status=1; }
exit $status
