# shellcheck shell=bash
# Sourced by Bulkhead's scripts: a private X server for headless runs of the real window.
#   source "$root/scripts/lib/xvfb.sh"
#   start_xvfb [WxHxDEPTH]; trap stop_xvfb EXIT

# start_xvfb [GEOMETRY]: starts Xvfb on a free display number, exports DISPLAY, sets XVFB_PID.
start_xvfb() {
  local geometry=${1:-1920x1080x24} ready
  command -v Xvfb >/dev/null 2>&1 || { echo "Xvfb is missing: apt-get install xvfb xauth" >&2; return 1; }
  ready=$(mktemp)
  # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
  Xvfb -displayfd 3 -screen 0 "$geometry" -nolisten tcp 3>"$ready" 2>/dev/null &
  XVFB_PID=$!
  for _ in $(seq 100); do
    [[ -s $ready ]] && break
    sleep 0.1
  done
  if [[ ! -s $ready ]]; then
    rm -f "$ready"
    echo "Xvfb did not start within 10 s" >&2
    return 1
  fi
  DISPLAY=":$(head -n 1 "$ready")"
  export DISPLAY
  rm -f "$ready"
}

# stop_xvfb: stops the Xvfb that start_xvfb started, and nothing else.
stop_xvfb() {
  if [[ -n ${XVFB_PID:-} ]]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  fi
}
