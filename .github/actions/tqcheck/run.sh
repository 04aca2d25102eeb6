#!/usr/bin/env bash
# The action's check step: builds the tqcheck command line from the INPUT_* variables, runs
# it, writes tqcheck.sarif when asked, and exits with tqcheck's own exit code.
# TQCHECK (default: tqcheck) names the command, so that tests can run this script as it is.
set -uo pipefail

read -r -a command <<< "${TQCHECK:-tqcheck}"
read -r -a paths <<< "${INPUT_PATHS:-.}"
options=(--fail-on "${INPUT_FAIL_ON:-warning}")
if [[ -n "${INPUT_CHANGED_SINCE:-}" ]]; then
  options+=(--changed-since "$INPUT_CHANGED_SINCE")
fi
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  options+=(--baseline "$INPUT_BASELINE")
fi

if [[ "${INPUT_SARIF:-false}" == "true" ]]; then
  # the SARIF file never fails the step by itself: the report below decides
  "${command[@]}" check "${options[@]}" --format sarif --output tqcheck.sarif "${paths[@]}"
  sarif_status=$?
  if [[ $sarif_status -ge 2 ]]; then
    echo "tqcheck: could not write tqcheck.sarif (exit $sarif_status)" >&2
  fi
fi

"${command[@]}" check "${options[@]}" --format "${INPUT_FORMAT:-github}" "${paths[@]}"
status=$?
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit $status
