# shellcheck shell=bash
# Sourced by Bulkhead's scripts: finds a JDK new enough to build and run the project.
#   source "$root/scripts/lib/jdk.sh"
#   JAVA_HOME=$(bulkhead_jdk 21) || exit 1

# bulkhead_jdk_major HOME: prints the major version of the JDK at HOME (8, 17, 21...);
# fails when HOME holds no JDK (a JRE alone cannot build the project).
bulkhead_jdk_major() {
  local home=$1 version="" line
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  # Shell built-ins only: this runs several times before every start of the window.
  if [[ -r $home/release ]]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([^\"]*)\" ]]; then
        version=${BASH_REMATCH[1]}
        break
      fi
    done < "$home/release"
  fi
  if [[ -z $version ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  [[ -n $version ]] || return 1
  version=${version#1.}            # old scheme: 1.8.0_392 means 8
  version=${version%%[!0-9]*}
  [[ -n $version ]] || return 1
  echo "$version"
}

# bulkhead_jdk [MIN]: prints a JAVA_HOME for a JDK of at least MIN (default 21).
# Prefers the JDK already chosen ($JAVA_HOME, then the javac on PATH); otherwise the newest
# JDK under /usr/lib/jvm. Fails with a message on stderr when there is none.
bulkhead_jdk() {
  local min=${1:-21} candidate major best="" best_major=0
  local -a preferred=()
  [[ -n ${JAVA_HOME:-} ]] && preferred+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v javac)")
    preferred+=("${candidate%/bin/javac}")
  fi
  for candidate in "${preferred[@]}"; do
    if major=$(bulkhead_jdk_major "$candidate") && (( major >= min )); then
      echo "$candidate"
      return 0
    fi
  done
  for candidate in /usr/lib/jvm/*; do
    [[ -d $candidate ]] || continue
    if major=$(bulkhead_jdk_major "$candidate") && (( major >= min && major > best_major )); then
      best=$candidate
      best_major=$major
    fi
  done
  if [[ -n $best ]]; then
    echo "$best"
    return 0
  fi
  echo "No JDK $min or newer found: JAVA_HOME and the javac on PATH are older or missing, and" \
       "/usr/lib/jvm holds none. Install one (e.g. 'apt-get install openjdk-$min-jdk-headless')" \
       "or set JAVA_HOME to it." >&2
  return 1
}

# bulkhead_maven_env: quiets the warning Maven's bundled Guava triggers on JDK 24 and newer
# (sun.misc.Unsafe memory access), so builds show only Bulkhead's own output. Needs JAVA_HOME.
bulkhead_maven_env() {
  local major
  major=$(bulkhead_jdk_major "$JAVA_HOME") || return 0
  if (( major >= 24 )); then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
