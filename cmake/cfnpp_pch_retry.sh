#!/bin/sh
# cfnpp_pch_retry.sh COMPILER-COMMAND...: the compiler launcher cfnpp_add_stack and
# cfnpp_add_modules give clang++ targets (CXX_COMPILER_LAUNCHER, cmake/cfnpp.cmake).
#
# clang++ drops its typo corrections ("did you mean 'attr_endpoint_address'?") for the members of
# classes it reads from a precompiled header, and cfnpp's error messages are part of its interface
# (docs/errors.md). So: run the compile as CMake wrote it, with the precompiled header; if it
# succeeds, show its warnings and stop (a successful compile pays a shell's start-up, about a
# millisecond). If it fails and used a precompiled header, run it again without one and show only
# that run's diagnostics and exit status: what a build without precompiled headers prints, hints
# included, for one extra compile. The second run keeps CMake's textual `-include cmake_pch.hxx`,
# so it sees the same declarations in the same order.
#
# CMake 3.16+ passes the header as `-Xclang -include-pch -Xclang FILE` (clang++; dropped here, as is
# the driver's `-include-pch FILE`), in the arguments or in a response file (`@FILE`, when CMake
# writes one: a copy without the header is compiled instead). The command may begin with another
# launcher (ccache ...): it is run as given.
exec 3>&1
diagnostics=$("$@" 2>&1 >&3 3>&-)
status=$?
if [ "$status" -eq 0 ]; then
  [ -z "$diagnostics" ] || printf '%s\n' "$diagnostics" >&2
  exit 0
fi

# The same command without the precompiled header. `for argument do` iterates over the arguments
# as they were when the loop began, so `set --` can rebuild them as it goes.
used_pch=no
held=no      # a `-Xclang` waiting to see whether `-include-pch` follows
drop=0       # arguments still to drop: `-Xclang FILE` after `-Xclang -include-pch`, or `FILE`
response_copy=
first=yes
for argument do
  if [ "$first" = yes ]; then set --; first=no; fi
  if [ "$drop" -gt 0 ]; then
    drop=$((drop - 1))
    continue
  fi
  if [ "$held" = yes ]; then
    held=no
    if [ "$argument" = -include-pch ]; then
      used_pch=yes drop=2
      continue
    fi
    set -- "$@" -Xclang
  fi
  case $argument in
    -Xclang) held=yes; continue ;;
    -include-pch) used_pch=yes drop=1; continue ;;
    @*)
      # A response file (GNU quoting, one or more arguments a line): the copy drops the same
      # arguments, the precompiled header's path quoted or not.
      if [ -z "$response_copy" ] && [ -f "${argument#@}" ] && grep -q -e '-include-pch' "${argument#@}"; then
        response_copy="${argument#@}.without-pch"
        sed -E -e "s/-Xclang[[:space:]]+-include-pch[[:space:]]+-Xclang[[:space:]]+(\"[^\"]*\"|'[^']*'|[^[:space:]]+)//g" \
            -e "s/-include-pch[[:space:]]+(\"[^\"]*\"|'[^']*'|[^[:space:]]+)//g" \
            "${argument#@}" >"$response_copy" || exit "$status"
        used_pch=yes
        argument="@$response_copy"
      fi
      ;;
  esac
  set -- "$@" "$argument"
done
if [ "$held" = yes ]; then set -- "$@" -Xclang; fi

if [ "$used_pch" = no ]; then
  [ -z "$diagnostics" ] || printf '%s\n' "$diagnostics" >&2
  exit "$status"
fi
if [ -n "$response_copy" ]; then
  "$@"
  status=$?
  rm -f "$response_copy"
  exit "$status"
fi
exec "$@"
