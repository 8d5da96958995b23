#!/usr/bin/env bash
# Network tests of `dcmdeid serve` against real peers, on loopback only (`make test-network`).
#
#   sender (DCMTK storescu/echoscu) ──► dcmdeid serve ──► Orthanc (the archive, checked over its REST API)
#
#   1. round trip: C-ECHO, the allow-list, a two-study set with fake PHI and an ultrasound image that
#      --pixels off must refuse; the archive holds exactly what `dcmdeid deidentify` gives with the
#      same key (same UIDs, studies, series), de-identified; TLS on the listener.
#   1b. stow: the same through DICOMweb STOW-RS (Orthanc's DICOMweb plugin) instead of C-STORE, with
#       the pixel stage on (the ultrasound image is cleaned and forwarded).
#   2. load: 4 concurrent associations x 500 instances -> 0 lost; throughput reported.
#   3. kill: SIGKILL the gateway mid-stream, restart it: everything acknowledged before the kill is
#      delivered from the spool; after the senders retry, every instance is at the archive exactly once.
#
# Every wait is bounded; every process started here is stopped on exit. Needs the Debian packages
# dcmtk, orthanc, orthanc-dicomweb, curl and openssl (installed when missing and running as root), and the project's
# .venv with pydicom (`make deps`). Environment: DCMDEID (binary; default .build/release/dcmdeid),
# PY (python with pydicom), LOAD_PER_SENDER (default 500), LOAD_VIA=stow (the load test through STOW-RS),
# SECTIONS (default "roundtrip stow load kill"),
# KEEP=1 keeps the work folder.
set -uo pipefail
# Debian's DCMTK (storescu, echoscu, and Orthanc's) leaves Nagle's algorithm on unless asked: ~40 ms
# per message. dcmdeid turns it off for itself; the peers here are told to as well.
export TCP_NODELAY=1

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${DCMDEID:-$ROOT/.build/release/dcmdeid}
PY=${PY:-$ROOT/.venv/bin/python}
HERE=$ROOT/Tests/network
TEMPLATE=$ROOT/TestData/samples/CT_small.dcm
LOAD_PER_SENDER=${LOAD_PER_SENDER:-500}
WORK=$(mktemp -d /tmp/dcmdeid-network.XXXXXX)
PASSED=0
FAILED=0
PIDS=()

log() { printf '%s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); log "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); log "FAIL $*"; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 0.5
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  if [ "$FAILED" -gt 0 ] || [ "${KEEP:-0}" = 1 ]; then
    log "logs kept in $WORK"
    for f in "$WORK"/*.log; do [ -f "$f" ] && { log "--- $f (tail)"; tail -15 "$f"; }; done
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# MARK: prerequisites

need=()
command -v storescu >/dev/null || need+=(dcmtk)
command -v Orthanc >/dev/null || need+=(orthanc)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || need+=(orthanc-dicomweb)
command -v curl >/dev/null || need+=(curl)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "${need[@]}") \
      >"$WORK/apt.log" 2>&1 || { log "cannot install ${need[*]} (see $WORK/apt.log)"; exit 1; }
  else
    log "missing: ${need[*]} (apt-get install ${need[*]})"; exit 1
  fi
fi
[ -x "$BIN" ] || { log "no dcmdeid binary at $BIN (make build)"; exit 1; }
[ -x "$PY" ] || { log "no python with pydicom at $PY (make deps)"; exit 1; }

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HTTP_PORT=$(free_port)
ARCHIVE_PORT=$(free_port)
GW_PORT=$(free_port)
while [ "$GW_PORT" = "$ARCHIVE_PORT" ] || [ "$GW_PORT" = "$HTTP_PORT" ]; do GW_PORT=$(free_port); done
URL=http://127.0.0.1:$HTTP_PORT
KEY=$WORK/key
DEST=dicom://ARCHIVE@127.0.0.1:$ARCHIVE_PORT
PHI=(--phi "DOE^JOHN" --phi "MRN-" --phi "GENERAL HOSPITAL" --phi "19600101" --phi "ACC0")

# Polls `$@` (a command) every 0.2 s until it succeeds or `timeout` seconds pass.
wait_for() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}

archive_count() { curl -sf "$URL/statistics" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])'; }
archive_has() { [ "$(archive_count)" -ge "$1" ]; }
archive_wipe() {
  for id in $(curl -sf "$URL/patients" | "$PY" -c 'import json,sys; print(" ".join(json.load(sys.stdin)))'); do
    curl -sf -X DELETE "$URL/patients/$id" >/dev/null
  done
}
status_field() { "$BIN" serve --status "$1" --json 2>/dev/null | "$PY" -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$2"; }
backlog_at_least() { [ "$(ls "$1/incoming" 2>/dev/null | grep -vc '^\.')" -ge "$2" ]; }
queue_empty() { [ "$(status_field "$1" "['queueDepth']")" = 0 ] && [ -z "$(ls -A "$1/incoming")" ]; }
refused_is() { [ "$(status_field "$1" "['totals']['refused']")" = "$2" ]; }

# MARK: the archive

mkdir -p "$WORK/orthanc"
cat >"$WORK/orthanc/config.json" <<EOF
{
  "Name": "dcmdeid-network-test",
  "StorageDirectory": "$WORK/orthanc/db",
  "IndexDirectory": "$WORK/orthanc/db",
  "HttpPort": $HTTP_PORT,
  "DicomPort": $ARCHIVE_PORT,
  "DicomAet": "ARCHIVE",
  "DicomCheckCalledAet": true,
  "DicomAlwaysAllowStore": true,
  "DicomAlwaysAllowEcho": true,
  "DicomThreadsCount": 4,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "StorageCompression": false,
  "SaveJobs": false,
  "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
}
EOF
Orthanc "$WORK/orthanc/config.json" >"$WORK/orthanc.log" 2>&1 &
PIDS+=($!)
wait_for 60 curl -sf "$URL/system" || { fail "Orthanc did not start within 60 s"; exit 1; }
log "Orthanc $(curl -sf "$URL/system" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["Version"])') on DICOM port $ARCHIVE_PORT, HTTP port $HTTP_PORT"

# Starts the gateway on spool $1 (extra options follow), waits until it answers C-ECHO.
GW_PID=
start_gateway() {
  local spool=$1; shift
  "$BIN" serve --port "$GW_PORT" --ae-title DEID --allow SENDER,SENDER2 --destination "${GW_DEST:-$DEST}" --spool "$spool" \
    --key-file "$KEY" --pixels off "$@" >>"$WORK/gateway.log" 2>&1 &
  GW_PID=$!
  PIDS+=($GW_PID)
  wait_for 30 echoscu -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT"
}
stop_gateway() {
  kill "$GW_PID" 2>/dev/null
  local deadline=$((SECONDS + 30))
  while kill -0 "$GW_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  kill -9 "$GW_PID" 2>/dev/null
  wait "$GW_PID" 2>/dev/null
}

# The instances `deidentify` makes of $1 with the same key: the archive must hold exactly these.
expected_of() {
  rm -rf "$2"
  "$BIN" deidentify "$1" --output "$2" --key-file "$KEY" --pixels "${PIXELS:-off}" --quiet --audit "$WORK/expected.audit.jsonl" >/dev/null 2>&1
  [ -n "$(ls -A "$2" 2>/dev/null)" ]
}

want() { [[ " ${SECTIONS:-roundtrip stow load kill} " == *" $1 "* ]]; }

# MARK: 1. round trip

if want roundtrip; then

log "== round trip"
"$PY" "$HERE/make_instances.py" "$TEMPLATE" "$WORK/roundtrip" --count 12 --studies 2 --tag rt --us
SPOOL=$WORK/spool-roundtrip
if start_gateway "$SPOOL" --jobs 2; then pass "gateway answers C-ECHO from an allowed AE title"; else fail "gateway did not answer C-ECHO"; fi
if ss -ltn 2>/dev/null | grep -q "127.0.0.1:$GW_PORT "; then pass "listener bound to 127.0.0.1 only"; else
  ss -ltn 2>/dev/null | grep -q ":$GW_PORT " && fail "listener not bound to loopback" || log "(ss unavailable; bind not checked)"; fi
if echoscu -aet INTRUDER -aec DEID 127.0.0.1 "$GW_PORT" >"$WORK/intruder.log" 2>&1; then fail "an AE title outside the allow-list was accepted"
else grep -q "Calling AE Title Not Recognized" "$WORK/intruder.log" && pass "AE title outside the allow-list rejected (calling AE title not recognized)" || fail "rejection reason"; fi
timeout 120 storescu -aet SENDER -aec DEID +sd +r 127.0.0.1 "$GW_PORT" "$WORK/roundtrip" >"$WORK/storescu-roundtrip.log" 2>&1 \
  && pass "13 instances sent and acknowledged" || fail "storescu failed (see storescu-roundtrip.log)"
wait_for 60 archive_has 12 && wait_for 30 queue_empty "$SPOOL" || fail "archive did not receive 12 instances within 60 s"
expected_of "$WORK/roundtrip" "$WORK/expected-roundtrip"
if "$PY" "$HERE/orthanc_check.py" "$URL" "$WORK/expected-roundtrip" "${PHI[@]}" >"$WORK/check-roundtrip.log"; then
  pass "archive holds the 12 CT instances de-identified, with the UIDs, studies and series of \`deidentify\` (same key)"
else fail "archive content (check-roundtrip.log)"; cat "$WORK/check-roundtrip.log" | grep FAIL | head; fi
[ "$(curl -sf "$URL/studies" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] && pass "two studies stay two studies" || fail "study count"
wait_for 10 refused_is "$SPOOL" 1 && [ -f "$(ls "$SPOOL"/failed/*.reason 2>/dev/null | head -1)" ] \
  && pass "the ultrasound image without BurnedInAnnotation is refused under --pixels off and set aside with its reason" || fail "ultrasound refusal"
grep -q '"status":"ok"' "$SPOOL/audit.jsonl" && grep -q '"status":"refused"' "$SPOOL/audit.jsonl" && grep -q association-rejected "$SPOOL/audit.jsonl" \
  && ! grep -q "DOE" "$SPOOL/audit.jsonl" && pass "audit lines: ok, refused, rejected association; no PHI values" || fail "audit lines"
"$BIN" serve --status "$SPOOL" >"$WORK/status.txt" && grep -q "delivered:      12" "$WORK/status.txt" && pass "serve --status reports 12 delivered" || fail "serve --status"
stop_gateway
archive_wipe

# TLS on the listener: a self-signed CA, a server certificate, storescu over TLS.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=dcmdeid test CA" -keyout "$WORK/ca.key" -out "$WORK/ca.pem" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$WORK/gw.key" -out "$WORK/gw.csr" >/dev/null 2>&1
openssl x509 -req -in "$WORK/gw.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 -out "$WORK/gw.pem" >/dev/null 2>&1
SPOOL=$WORK/spool-tls
"$BIN" serve --port "$GW_PORT" --ae-title DEID --allow SENDER --destination "$DEST" --spool "$SPOOL" --key-file "$KEY" --pixels off \
  --tls-certificate "$WORK/gw.pem" --tls-key "$WORK/gw.key" >>"$WORK/gateway.log" 2>&1 &
GW_PID=$!; PIDS+=($GW_PID)
if wait_for 30 echoscu +tla +cf "$WORK/ca.pem" -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT" \
  && timeout 60 storescu +tla +cf "$WORK/ca.pem" -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT" "$WORK/roundtrip/00000.dcm" >"$WORK/storescu-tls.log" 2>&1 \
  && wait_for 30 archive_has 1; then pass "TLS listener: C-ECHO and C-STORE over TLS, verified against the CA, delivered"
else fail "TLS listener"; fi
if timeout 20 echoscu -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT" >/dev/null 2>&1; then fail "TLS listener accepted plain TCP"; else pass "TLS listener refuses plain TCP"; fi
stop_gateway
archive_wipe

# TLS to the destination, mutual: a second Orthanc that accepts DICOM only over TLS and only from a
# client certificate signed by the CA; the gateway presents its certificate and verifies Orthanc's.
TLS_ARCHIVE_PORT=$(free_port); TLS_HTTP_PORT=$(free_port)
mkdir -p "$WORK/orthanc-tls"
cat >"$WORK/orthanc-tls/config.json" <<EOF2
{
  "Name": "dcmdeid-network-test-tls",
  "StorageDirectory": "$WORK/orthanc-tls/db",
  "IndexDirectory": "$WORK/orthanc-tls/db",
  "HttpPort": $TLS_HTTP_PORT,
  "DicomPort": $TLS_ARCHIVE_PORT,
  "DicomAet": "TLSARCHIVE",
  "DicomCheckCalledAet": true,
  "DicomAlwaysAllowStore": true,
  "DicomAlwaysAllowEcho": true,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "SaveJobs": false,
  "DicomTlsEnabled": true,
  "DicomTlsCertificate": "$WORK/gw.pem",
  "DicomTlsPrivateKey": "$WORK/gw.key",
  "DicomTlsTrustedCertificates": "$WORK/ca.pem",
  "DicomTlsRemoteCertificateRequired": true
}
EOF2
Orthanc "$WORK/orthanc-tls/config.json" >"$WORK/orthanc-tls.log" 2>&1 &
TLS_ORTHANC=$!; PIDS+=($TLS_ORTHANC)
tls_archive_has() { [ "$(curl -sf "http://127.0.0.1:$TLS_HTTP_PORT/statistics" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])')" -ge "$1" ]; }
SPOOL=$WORK/spool-tls-destination
if wait_for 60 curl -sf "http://127.0.0.1:$TLS_HTTP_PORT/system"; then
  "$BIN" serve --port "$GW_PORT" --ae-title DEID --allow SENDER --destination "dicom://TLSARCHIVE@127.0.0.1:$TLS_ARCHIVE_PORT" \
    --destination-tls --tls-trusted "$WORK/ca.pem" --tls-certificate "$WORK/gw.pem" --tls-key "$WORK/gw.key" \
    --spool "$SPOOL" --key-file "$KEY" --pixels off >>"$WORK/gateway.log" 2>&1 &
  GW_PID=$!; PIDS+=($GW_PID)
  if wait_for 30 echoscu +tla +cf "$WORK/ca.pem" -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT" \
    && timeout 60 storescu +tla +cf "$WORK/ca.pem" -aet SENDER -aec DEID 127.0.0.1 "$GW_PORT" "$WORK/roundtrip/00001.dcm" "$WORK/roundtrip/00002.dcm" >"$WORK/storescu-tls-destination.log" 2>&1 \
    && wait_for 30 tls_archive_has 2; then pass "TLS to the destination: mutual TLS into an Orthanc that requires a client certificate, 2 instances delivered"
  else fail "TLS to the destination (see orthanc-tls.log, gateway.log)"; fi
  timeout 20 echoscu -aet PROBE -aec TLSARCHIVE 127.0.0.1 "$TLS_ARCHIVE_PORT" >/dev/null 2>&1 \
    && fail "the TLS archive accepted plain TCP (the check above proves nothing)" || pass "the TLS archive refuses plain TCP"
  stop_gateway
else fail "the TLS Orthanc did not start within 60 s (orthanc-tls.log)"; fi
kill "$TLS_ORTHANC" 2>/dev/null; wait "$TLS_ORTHANC" 2>/dev/null

fi

# MARK: 1b. DICOMweb STOW-RS

if want stow; then
log "== STOW-RS"
[ -d "$WORK/roundtrip" ] || "$PY" "$HERE/make_instances.py" "$TEMPLATE" "$WORK/roundtrip" --count 12 --studies 2 --tag rt --us
SPOOL=$WORK/spool-stow
# With the pixel stage on (the default, --pixels sensitive), the ultrasound image is cleaned and forwarded too.
GW_DEST="dicomweb://127.0.0.1:$HTTP_PORT/dicom-web" start_gateway "$SPOOL" --jobs 2 --pixels sensitive \
  || fail "gateway (STOW-RS) did not start"
timeout 120 storescu -aet SENDER -aec DEID +sd +r 127.0.0.1 "$GW_PORT" "$WORK/roundtrip" >"$WORK/storescu-stow.log" 2>&1 \
  || fail "storescu to the STOW-RS gateway failed"
wait_for 120 archive_has 13 && wait_for 30 queue_empty "$SPOOL" || fail "archive did not receive 13 instances through STOW-RS within 120 s"
PIXELS=sensitive expected_of "$WORK/roundtrip" "$WORK/expected-stow"
if "$PY" "$HERE/orthanc_check.py" "$URL" "$WORK/expected-stow" "${PHI[@]}" >"$WORK/check-stow.log"; then
  pass "STOW-RS, pixel stage on: archive holds all 13 instances (ultrasound included) de-identified, as \`deidentify --pixels sensitive\` makes them"
else fail "STOW-RS: archive content (check-stow.log)"; grep FAIL "$WORK/check-stow.log" | head; fi
stop_gateway
archive_wipe
fi

# MARK: 2. load

if want load; then

log "== load: 4 concurrent associations x $LOAD_PER_SENDER instances"
TOTAL=$((4 * LOAD_PER_SENDER))
for s in 1 2 3 4; do
  "$PY" "$HERE/make_instances.py" "$TEMPLATE" "$WORK/load/$s" --count "$LOAD_PER_SENDER" --studies 5 --tag "load$s"
done
SPOOL=$WORK/spool-load
# LOAD_VIA=stow measures the same load forwarded through STOW-RS instead of C-STORE.
[ "${LOAD_VIA:-cstore}" = stow ] && export GW_DEST="dicomweb://127.0.0.1:$HTTP_PORT/dicom-web" && log "(forwarding through STOW-RS)"
start_gateway "$SPOOL" || fail "gateway did not start"
unset GW_DEST
START=$(date +%s.%N)
SENDERS=()
for s in 1 2 3 4; do
  timeout 600 storescu -aet SENDER -aec DEID +sd +r 127.0.0.1 "$GW_PORT" "$WORK/load/$s" >"$WORK/storescu-load-$s.log" 2>&1 &
  SENDERS+=($!)
done
SEND_OK=1
for pid in "${SENDERS[@]}"; do wait "$pid" || SEND_OK=0; done
SENT=$(date +%s.%N)
[ $SEND_OK = 1 ] && pass "4 senders x $LOAD_PER_SENDER instances acknowledged" || fail "a sender failed (storescu-load-*.log)"
if wait_for 600 archive_has $TOTAL; then
  DONE=$(date +%s.%N)
  wait_for 30 queue_empty "$SPOOL"
  expected_of "$WORK/load" "$WORK/expected-load"
  if "$PY" "$HERE/orthanc_check.py" "$URL" "$WORK/expected-load" "${PHI[@]}" --sample 10 >"$WORK/check-load.log"; then
    pass "load: all $TOTAL instances at the archive, de-identified, none lost, none extra"
  else fail "load: archive content (check-load.log)"; grep FAIL "$WORK/check-load.log" | head; fi
  "$PY" - "$START" "$SENT" "$DONE" "$TOTAL" <<'EOF'
import sys
start, sent, done, total = map(float, sys.argv[1:])
print(f"THROUGHPUT received (acknowledged to 4 senders): {total / (sent - start):.0f} instances/s ({sent - start:.1f} s)")
print(f"THROUGHPUT end to end (sent -> de-identified -> stored in Orthanc): {total / (done - start):.0f} instances/s ({done - start:.1f} s for {total:.0f})")
EOF
else
  fail "load: archive has $(archive_count) of $TOTAL after 600 s"
fi
stop_gateway
archive_wipe

fi

# MARK: 3. kill and restart

if want kill; then

log "== kill: SIGKILL mid-stream, restart"
KILL_TOTAL=600
for s in 1 2; do "$PY" "$HERE/make_instances.py" "$TEMPLATE" "$WORK/kill/$s" --count 300 --studies 3 --tag "kill$s"; done
SPOOL=$WORK/spool-kill
# One worker: forwarding lags behind receiving, so the spool holds a backlog when the kill comes.
start_gateway "$SPOOL" --jobs 1 || fail "gateway did not start"
SENDERS=()
for s in 1 2; do
  timeout 300 storescu -v -aet SENDER -aec DEID +sd +r 127.0.0.1 "$GW_PORT" "$WORK/kill/$s" >"$WORK/storescu-kill-$s.log" 2>&1 &
  SENDERS+=($!)
done
wait_for 120 backlog_at_least "$SPOOL" 100 || fail "no backlog built up before the kill"
kill -9 "$GW_PID"
wait "$GW_PID" 2>/dev/null
for pid in "${SENDERS[@]}"; do wait "$pid"; done
ACKED=$(cat "$WORK"/storescu-kill-*.log | grep -c "Received Store Response (Success)")
BACKLOG=$(ls "$SPOOL/incoming" | grep -vc '^\.')
AT_KILL=$(archive_count)
log "at the kill: $ACKED acknowledged to the senders, $AT_KILL at the archive, $BACKLOG waiting in the spool"
[ "$ACKED" -lt $KILL_TOTAL ] && pass "the kill interrupted the senders ($ACKED of $KILL_TOTAL acknowledged)" || log "(the senders finished before the kill)"
start_gateway "$SPOOL" || fail "gateway did not restart"
if wait_for 300 archive_has "$ACKED" && wait_for 60 queue_empty "$SPOOL"; then
  pass "restart replayed the spool: every acknowledged instance delivered ($(archive_count) >= $ACKED)"
else fail "after restart the archive has $(archive_count) of $ACKED acknowledged"; fi
# The senders retry everything (as a PACS retries a failed transfer): duplicates must not double.
for s in 1 2; do timeout 300 storescu -aet SENDER2 -aec DEID +sd +r 127.0.0.1 "$GW_PORT" "$WORK/kill/$s" >"$WORK/storescu-resend-$s.log" 2>&1 || fail "resend $s"; done
wait_for 300 archive_has $KILL_TOTAL && wait_for 60 queue_empty "$SPOOL" || fail "archive has $(archive_count) of $KILL_TOTAL after the resend"
expected_of "$WORK/kill" "$WORK/expected-kill"
if "$PY" "$HERE/orthanc_check.py" "$URL" "$WORK/expected-kill" "${PHI[@]}" --sample 10 >"$WORK/check-kill.log"; then
  pass "kill: every one of $KILL_TOTAL instances at the archive exactly once (by SOP Instance UID), de-identified"
else fail "kill: archive content (check-kill.log)"; grep FAIL "$WORK/check-kill.log" | head; fi
DUPS=$(status_field "$SPOOL" "['totals']['duplicates']")
DELIVERED=$(status_field "$SPOOL" "['totals']['delivered']")
log "gateway totals: delivered $DELIVERED distinct instances, re-sent duplicates recognised $DUPS"
[ "$DELIVERED" = $KILL_TOTAL ] && pass "the gateway counts $KILL_TOTAL distinct instances delivered" || fail "delivered count $DELIVERED"
[ "$DUPS" -gt 0 ] && pass "re-sent instances already delivered were recognised as duplicates ($DUPS)" || fail "no duplicate recognised"
stop_gateway
fi

log ""
log "network: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
