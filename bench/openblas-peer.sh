# Sourced by the bench scripts whose peers (numpy, PyTorch) run on OpenBLAS.
#
# The peer runs at its true speed: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which these machines
# set to force OpenBLAS onto its Haswell kernels, are unset for the peer's command alone (never in
# tests or CI). openblas_core prints the core OpenBLAS then picks (OPENBLAS_VERBOSE=2).
#
# OpenBLAS 0.3.21 (Debian 12) does not know every CPU: on a CPU newer than its tables (e.g.
# family 6 model 207) it falls back to its generic SSE3 kernels ("Prescott"), several times slower
# than what the hardware runs. The peer is then also run on PEER_CORE (default SkylakeX, its
# AVX-512 kernels), forced through numpy's import before the peer's script starts, and the scripts
# compare against the faster of the two, so that a CPU OpenBLAS misdetects never flatters seqlab.

PY=${PY:-/usr/bin/python3}
PEER_CORE=${PEER_CORE:-SkylakeX}

# The core OpenBLAS picks on this machine when nothing forces it.
openblas_core() {
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_VERBOSE=2 "$PY" -c 'import numpy' 2>&1 \
    | sed -n 's/^Core: //p' | head -1
}

# True when that core is one of OpenBLAS's generic fallbacks rather than a kernel for this CPU.
openblas_generic() {
  case "$1" in
    Prescott | Katmai | Coppermine | Northwood | Banias | Core2 | Penryn | Dunnington | Nehalem | Atom | "") return 0 ;;
    *) return 1 ;;
  esac
}

# peer_run CORE SCRIPT ARGS...: runs a Python peer script; CORE "auto" leaves the choice to
# OpenBLAS, any other value forces that core for this command only.
peer_run() {
  local core=$1
  shift
  if [ "$core" = auto ]; then
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_VERBOSE=2 "$PY" "$@"
  else
    # numpy loads OpenBLAS with the core forced; the peer's script then finds it initialised.
    env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$core" OPENBLAS_VERBOSE=2 "$PY" -c \
      'import numpy, runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")' "$@"
  fi
}

# The cores the peer runs on: "auto", plus PEER_CORE when OpenBLAS fell back to a generic kernel.
# PEER_CORES (e.g. "SkylakeX") replaces that list, for a locked run that must stay short; the
# figures then name the cores that ran, and the comparison is only against those.
peer_cores() {
  local detected
  if [ -n "${PEER_CORES:-}" ]; then
    echo "OpenBLAS cores chosen by PEER_CORES: $PEER_CORES" >&2
    echo "$PEER_CORES"
    return
  fi
  detected=$(openblas_core)
  echo "OpenBLAS core as detected (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE unset): ${detected:-unknown}" >&2
  if openblas_generic "$detected"; then
    echo "  a generic fallback: OpenBLAS does not know this CPU; also running the peer on $PEER_CORE" >&2
    echo "auto $PEER_CORE"
  else
    echo "auto"
  fi
}
