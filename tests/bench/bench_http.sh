#!/usr/bin/env bash
# HTTP serving benchmark (run by hand; figures go in the serving notes):
#
#   tests/bench/bench_http.sh BUILD_DIR [SECONDS] [RSS_REQUESTS]
#
# Model: mlp.pt (TorchScript MLP 784->128->10 made by tests/data/make_models.py with Debian's
# PyTorch), requests of one 1x784 FP32 row as KServe v2 JSON, everything on 127.0.0.1, load from wrk.
#   1. ModelDesk (`modeldesk-cli serve`, default batching) at 16 connections
#   2. the FastAPI + uvicorn + PyTorch peer (tests/bench/fastapi_peer.py) on the same route, 16 connections
#   3. a bare in-process LibTorch loop, one thread (bench_runtime's first phase)
#   4. p50 latency at 1 connection vs the bare forward's p50
#   5. 64 connections with dynamic batching off (max_batch_size 1) and on (32)
#   6. server RSS after the first 10k requests and after RSS_REQUESTS (default 1,000,000)
# Targets (from the serving issue): 1 >= 8x 2; 1 >= 1.0x 3; p50 <= bare + 60 us; 5 on >= 3x off;
# RSS within +-5%. Needs: wrk, curl, python3-fastapi, uvicorn, python3-torch (install-deps.sh).
set -euo pipefail

BUILD=$(realpath "${1:?usage: bench_http.sh BUILD_DIR [SECONDS] [RSS_REQUESTS]}")
SECS=${2:-10}
RSS_REQUESTS=${3:-1000000}
HERE=$(dirname "$(realpath "$0")")
CLI=$BUILD/app/modeldesk-cli/modeldesk-cli
MODELS=$BUILD/tests/models-data
BENCH_RUNTIME=$BUILD/tests/bench/bench_runtime
PY=/usr/bin/python3

for f in "$CLI" "$BENCH_RUNTIME" "$MODELS/mlp.pt"; do
  [ -e "$f" ] || { echo "bench_http: missing $f (build modeldesk-cli bench_runtime modeldesk_test_models)" >&2; exit 2; }
done
for t in wrk curl; do
  command -v "$t" >/dev/null || { echo "bench_http: '$t' is not installed (packaging/install-deps.sh)" >&2; exit 2; }
done
$PY -c "import fastapi, uvicorn, torch" 2>/dev/null || { echo "bench_http: $PY needs fastapi, uvicorn and torch" >&2; exit 2; }

# OpenBLAS' own thread pool spins (sched_yield) around 1-row GEMMs and halves throughput on a
# loaded 2-core machine; both servers and the bare loop get the same setting.
export OPENBLAS_NUM_THREADS=1

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- request body and wrk script ------------------------------------------------------------------
$PY - "$WORK/body.json" <<'EOF'
import json, sys
row = [(i % 97) / 97.0 for i in range(784)]
json.dump({"id": "bench", "inputs": [{"name": "input__0", "datatype": "FP32", "shape": [1, 784], "data": row}]},
          open(sys.argv[1], "w"))
EOF
cat > "$WORK/post.lua" <<'EOF'
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN") or ""
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
EOF
export BODY_FILE=$WORK/body.json

# wrk CONNECTIONS SECONDS URL -> sets RATE (req/s), P50 (us), COUNT (requests), ERRORS
run_wrk() {
  local conns=$1 secs=$2 url=$3 threads=2
  [ "$conns" -lt 2 ] && threads=1
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s "$WORK/post.lua" "$url")
  RATE=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  COUNT=$(awk '/requests in/ {print $1}' <<<"$out")
  P50=$(awk '$1=="50%" {v=$2; u=v; gsub(/[0-9.]/,"",u); gsub(/[a-z]/,"",v);
          m=(u=="us")?1:(u=="ms")?1000:(u=="s")?1000000:1; printf "%.0f", v*m}' <<<"$out")
  ERRORS=$(awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors/ {print "socket:" $0}' <<<"$out")
  ERRORS=${ERRORS:-0}
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU microseconds per request of process $1 between tick counts $2 and $3 over $4 requests: unlike
# req/s, this barely depends on what else the (shared) machine is doing.
cpu_us() { awk -v a="$2" -v b="$3" -v n="$4" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz * 1e6 / n }'; }

# --- ModelDesk ------------------------------------------------------------------------------------
WS=$WORK/ws
"$CLI" --workspace "$WS" models import "$MODELS/mlp.pt" --name mlp >/dev/null
TOKEN=$("$CLI" --workspace "$WS" tokens create --name bench --role operator | tail -n 1)
export TOKEN
"$CLI" --workspace "$WS" serve --port 0 --deploy mlp:1 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
PIDS+=("$SERVE_PID")
for _ in $(seq 1 600); do
  URL=$(grep -o 'serving on http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -n1 | cut -d' ' -f3 || true)
  [ -n "${URL:-}" ] && grep -q "deployment mlp ready" "$WORK/serve.log" && break
  kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "${URL:-}" ] || { echo "bench_http: the server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
INFER=$URL/v2/models/mlp/infer
configure() { # JSON batching object
  curl -sf -X PATCH "$URL/api/v1/deployments/mlp" -H "Authorization: Bearer $TOKEN" \
       -H 'Content-Type: application/json' -d "{\"batching\":$1}" >/dev/null
}
curl -sf "$INFER" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$BODY_FILE" \
  | grep -q '"model_version":"1"' || { echo "bench_http: ModelDesk answered wrongly" >&2; exit 1; }

echo "bench_http: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${SECS}s per phase"

run_wrk 4 2 "$INFER" # warm-up
T0=$(cpu_ticks "$SERVE_PID")
run_wrk 16 "$SECS" "$INFER"
MD16=$RATE; MD16_ERR=$ERRORS
MD16_CPU=$(cpu_us "$SERVE_PID" "$T0" "$(cpu_ticks "$SERVE_PID")" "$COUNT")
configure '{"max_batch_size":1}'
run_wrk 16 "$SECS" "$INFER"
MD16_OFF=$RATE
configure '{"max_batch_size":8,"max_queue_delay_us":500}'
run_wrk 1 "$SECS" "$INFER"
MD_P50=$P50; MD1=$RATE

configure '{"max_batch_size":1}'
run_wrk 64 "$SECS" "$INFER"
OFF64=$RATE; OFF64_ERR=$ERRORS
configure '{"max_batch_size":32,"max_queue_delay_us":500}'
run_wrk 64 "$SECS" "$INFER"
ON64=$RATE; ON64_ERR=$ERRORS
configure '{"max_batch_size":8,"max_queue_delay_us":500}'

# --- FastAPI peer ---------------------------------------------------------------------------------
PEER_PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$PY "$HERE/fastapi_peer.py" --model "$MODELS/mlp.pt" --port "$PEER_PORT" >"$WORK/peer.log" 2>&1 &
PEER_PID=$!
PIDS+=("$PEER_PID")
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PEER_PORT/v2/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PEER_PID" 2>/dev/null || { cat "$WORK/peer.log" >&2; exit 1; }
  sleep 0.1
done
PEER_INFER=http://127.0.0.1:$PEER_PORT/v2/models/mlp/infer
curl -sf "$PEER_INFER" -H 'Content-Type: application/json' --data-binary @"$BODY_FILE" | grep -q '"outputs"' \
  || { echo "bench_http: the FastAPI peer answered wrongly" >&2; exit 1; }
run_wrk 4 2 "$PEER_INFER"
T0=$(cpu_ticks "$PEER_PID")
run_wrk 16 "$SECS" "$PEER_INFER"
PEER16=$RATE
PEER16_CPU=$(cpu_us "$PEER_PID" "$T0" "$(cpu_ticks "$PEER_PID")" "$COUNT")
run_wrk 1 "$SECS" "$PEER_INFER"
PEER_P50=$P50
kill "$PEER_PID"; wait "$PEER_PID" 2>/dev/null || true

# --- bare LibTorch --------------------------------------------------------------------------------
BARE_LINE=$(MODELDESK_TEST_MODELS=$MODELS "$BENCH_RUNTIME" --seconds "$SECS" 2>/dev/null | grep "bare LibTorch forward")
BARE=$(awk '{for (i=1;i<=NF;i++) if ($i=="/s") print $(i-1)}' <<<"$BARE_LINE")
BARE_P50=$(awk '{for (i=1;i<=NF;i++) if ($i=="p50") printf "%.0f", $(i+1)}' <<<"$BARE_LINE")

# --- RSS after 10k and after RSS_REQUESTS ---------------------------------------------------------
TOTAL=0
while [ "$TOTAL" -lt 10000 ]; do run_wrk 16 1 "$INFER"; TOTAL=$((TOTAL + COUNT)); done
RSS_10K=$(rss_kib "$SERVE_PID"); AT_10K=$TOTAL
while [ "$TOTAL" -lt "$RSS_REQUESTS" ]; do run_wrk 16 20 "$INFER"; TOTAL=$((TOTAL + COUNT)); done
RSS_END=$(rss_kib "$SERVE_PID")

kill -INT "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true

# --- report ---------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t) ? "ok" : "MISSED" }'; }
R_PEER=$(ratio "$MD16" "$PEER16")
R_BARE=$(ratio "$MD16" "$BARE")
R_BATCH=$(ratio "$ON64" "$OFF64")
P50_OVER=$((MD_P50 - BARE_P50))
RSS_DELTA=$(awk -v a="$RSS_10K" -v b="$RSS_END" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
cat <<EOF

ModelDesk HTTP serving, mlp.pt (784->128->10), one 1x784 FP32 row per v2 JSON request, 127.0.0.1
  ModelDesk, 16 connections (batching max 8)      ${MD16} req/s   server CPU ${MD16_CPU} us/request (errors: ${MD16_ERR})
  ModelDesk, 16 connections, batching off         ${MD16_OFF} req/s
  FastAPI + uvicorn + PyTorch, 16 connections     ${PEER16} req/s   server CPU ${PEER16_CPU} us/request, p50 at 1 connection ${PEER_P50} us
  bare LibTorch forward, 1 thread, in-process     ${BARE} /s      p50 ${BARE_P50} us
  ModelDesk, 1 connection                         ${MD1} req/s    p50 ${MD_P50} us
  ModelDesk, 64 connections, batching off         ${OFF64} req/s  (errors: ${OFF64_ERR})
  ModelDesk, 64 connections, batching on (32)     ${ON64} req/s   (errors: ${ON64_ERR})
  server RSS after ${AT_10K} requests               ${RSS_10K} KiB
  server RSS after ${TOTAL} requests            ${RSS_END} KiB (${RSS_DELTA}%)

targets
  ModelDesk / FastAPI at 16 connections    ${R_PEER}x  (>= 8)     $(verdict "$R_PEER" 8)   (CPU per request: $(ratio "$PEER16_CPU" "$MD16_CPU")x less)
  ModelDesk / bare LibTorch                ${R_BARE}x  (>= 1.0)   $(verdict "$R_BARE" 1.0)
  p50 over the bare forward                ${P50_OVER} us  (<= 60)    $(verdict $((60 - P50_OVER)) 0)
  batching on / off at 64 connections      ${R_BATCH}x  (>= 3)     $(verdict "$R_BATCH" 3)
  RSS change 10k -> ${TOTAL}               ${RSS_DELTA}%  (within +-5)  $(awk -v d="$RSS_DELTA" 'BEGIN { print (d <= 5 && d >= -5) ? "ok" : "MISSED" }')
EOF
