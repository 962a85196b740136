# Finds a JDK 25 or newer for the Maven Wrapper, the ./digitbench launcher and CI (POSIX sh, sourced).
# Order: JAVA_HOME, the java on PATH, then the usual install folders (or DIGITBENCH_JDK_DIRS, a
# space-separated list of folders or globs); the first JDK 25+ wins. digitbench_jdk prints its home, or
# prints why not on stderr in one line and returns 1.

# The feature version of the JDK at $1 (25 for 25.0.3), from its release file, else from running it.
digitbench_jdk_major() {
  _v=""
  if [ -f "$1/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  fi
  if [ -z "$_v" ] && [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  case "$_v" in 1) _v=8 ;; esac # 1.8
  echo "${_v:-0}"
}

digitbench_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(digitbench_jdk_major "$1")" -ge 25 ] 2>/dev/null
}

digitbench_jdk() {
  _path_home=""
  if command -v java >/dev/null 2>&1; then
    _path_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)")")
  fi
  for _home in ${JAVA_HOME:+"$JAVA_HOME"} ${_path_home:+"$_path_home"}; do
    if digitbench_is_jdk25 "$_home"; then echo "$_home"; return 0; fi
  done
  for _home in ${DIGITBENCH_JDK_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* \
      "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    if digitbench_is_jdk25 "$_home"; then echo "$_home"; return 0; fi
  done
  if [ -n "${JAVA_HOME:-}" ]; then
    _found="JAVA_HOME is Java $(digitbench_jdk_major "$JAVA_HOME") ($JAVA_HOME)"
  elif [ -n "$_path_home" ]; then
    _found="the java on PATH is Java $(digitbench_jdk_major "$_path_home") ($_path_home)"
  else
    _found="there is no java on PATH and JAVA_HOME is not set"
  fi
  echo "digitbench needs a JDK 25 or newer and found none: $_found; install one (e.g. Temurin 25) and run with JAVA_HOME=/path/to/jdk-25" >&2
  return 1
}
