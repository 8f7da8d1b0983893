#!/usr/bin/env bash
# Mutation check of the rules core (issue 14): every mutation of a rule
# must make at least one test fail.
#
#   tests/mutants.sh named          the named mutations below (code and the
#                                   rule parameters in assets/), each applied
#                                   in a scratch copy; each must be caught
#   tests/mutants.sh code [OPTION…] cargo-mutants on src/rules (all of it
#                                   unless a --file is given); the options go
#                                   to cargo-mutants, e.g.
#                                   --file src/rules/limits.rs
#                                   --re 'replace (<|<=|>|>=) with'
#   tests/mutants.sh all            both
#
# Results: mutants.out/mutants.out/ (cargo-mutants: caught.txt, missed.txt,
# unviable.txt, timeout.txt) and mutants.out/named.txt. Everything runs
# under `nice -n 19`; the tests are the fast targets that reach the rules.
# MUTANTS_TIMEOUT sets the test timeout in seconds (120).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tests=(--lib --test=boundaries --test=scenarios --test=rules_by_year)
timeout=${MUTANTS_TIMEOUT:-120}
out="$root/mutants.out"
mkdir -p "$out"

# file | Perl substitution (applied once, must match; write | as \x7c) |
# what it breaks
named=(
  'src/rules/tolerance.rs|s/total <= u64::from\(t\.tolerance_far_cap\)/total < u64::from(t.tolerance_far_cap)/|18.3 §1 d: total <= 12 becomes < 12'
  'assets/rules/institutions/AP/oer.ron|s/(tolerance_far_cap:[^\]]*?value: )12/${1}14/s|18.3 §1 d: the 12-SP cap becomes 14'
  'src/rules/tolerance.rs|s/cx\.distance >= i64::from/cx.distance > i64::from/|18.3 §1 d: distance >= 120 becomes > 120'
  'assets/rules/institutions/AP/oer.ron|s/(tolerance_min_cumulative_percent:[^\]]*?value: )50/${1}45/s|18.3 §1 a: 50 % becomes 45 %'
  'assets/rules/institutions/AP/oer.ron|s/(binding_conditions_percent:[^\]]*?value: )60/${1}55/s|13.1: 60 % becomes 55 %'
  'assets/rules/institutions/AP/oer.ron|s/(trajectory_percent:[^\]]*?value: )60/${1}55/s|11.3 §3: 60 % becomes 55 %'
  'src/rules/limits.rs|s/\(0\.\.=i64::from\(t\.exception_sp\)\)/(0..i64::from(t.exception_sp))/|8.1 §10: 0..=30 becomes 0..30'
  'assets/rules/decree.ron|s/(exception_years:[^\]]*?value: )2/${1}1/s|8.1 §10: two previous years become one'
  'src/rules/facts.rs|s/w\.in_time && \(w\.removal \x7c\x7c enrolment\.contract != Contract::Credit\)/w.in_time \&\& enrolment.contract != Contract::Credit/|11.6: a removal under creditcontract no longer refunded'
  'src/rules/merit.rs|s/examined \* 100 >= /examined * 100 > /|18.4: coverage >= half becomes >'
  'assets/rules/institutions/AP/oer.ron|s/(merit_coverage_percent:[^\]]*?value: )50/${1}40/s|18.4: coverage 50 % becomes 40 %'
  'src/rules/rebuild.rs|s/if balance < i64::from\(t\.rebuild_target\) && self\.master/if balance <= i64::from(t.rebuild_target) \&\& self.master/|8.1 §11: rebuild when balance < 60 becomes <= 60'
  'assets/rules/institutions/AP/oer.ron|s/(tolerance_percent:[^\]]*?value: )10/${1}11/s|18.2 §1: 10 % becomes 11 %'
  'assets/rules/institutions/AP/oer.ron|s/(merit_percents:[^\]]*?onderscheiding: )65/${1}66/s|18.4: onderscheiding from 65 % becomes 66 %'
  'assets/rules/decree.ron|s/(switch_full_before:[^\]]*?day: )1\)/${1}2)/s|8.1 §9: before 1 December becomes before 2 December'
  'assets/rules/decree.ron|s/(switch_half_until:[^\]]*?day: )15/${1}14/s|8.1 §9: up to 15 March becomes up to 14 March'
  'assets/rules/decree.ron|s/(bonus_sp:[^\]]*?value: )60/${1}59/s|8.1 §3: 60 bonus SP become 59'
  'assets/rules/decree.ron|s/(rebuild_step:[^\]]*?value: )10/${1}9/s|8.1 §11: +10 a year becomes +9'
  'assets/rules/institutions/AP/calendars/2017-2018.ron|s/2017-10-23/2017-10-22/|8.1 §4: the grensdatum of the year system one day earlier'
  'assets/rules/institutions/AP/oer.ron|s/(trajectory_max_sp:[^\]]*?value: )60/${1}59/s|11.3 §3: a trajectory of at most 60 SP becomes 59 (wording only; tests/parameters.rs leaves it out)'
)

run_named() {
  local scratch="${TMPDIR:-/tmp}/traject-mutants-$(id -un)"
  mkdir -p "$scratch"
  rm -rf "$scratch/tree"
  mkdir -p "$scratch/tree"
  git ls-files -z --cached --others --exclude-standard |
    xargs -0 cp --parents -t "$scratch/tree" 2>/dev/null || true
  if [ ! -d "$scratch/target" ] && [ -d "$root/target" ]; then
    cp -a "$root/target" "$scratch/target" # warm dependencies
  fi
  export CARGO_TARGET_DIR="$scratch/target"
  local report="$out/named.txt" caught=0 missed=0 broken=0
  : >"$report"
  (cd "$scratch/tree" && nice -n 19 cargo test -q --no-run "${tests[@]}" >/dev/null 2>&1) ||
    { echo "the unmutated tree does not build" >&2; exit 2; }
  for m in "${named[@]}"; do
    IFS='|' read -r file subst what <<<"$m"
    cp "$root/$file" "$scratch/tree/$file"
    perl -0pi -e "$subst or die 'no match'" "$scratch/tree/$file" 2>/dev/null || {
      echo "BROKEN  $what (the substitution no longer applies to $file)" | tee -a "$report"
      broken=$((broken + 1))
      continue
    }
    if ! (cd "$scratch/tree" && nice -n 19 cargo test -q --no-run "${tests[@]}" >/dev/null 2>&1); then
      echo "UNVIABLE $what (does not build)" | tee -a "$report"
      broken=$((broken + 1))
    elif (cd "$scratch/tree" && timeout "$timeout" nice -n 19 cargo test -q "${tests[@]}" >/dev/null 2>&1); then
      echo "MISSED  $what" | tee -a "$report"
      missed=$((missed + 1))
    else
      echo "caught  $what" | tee -a "$report"
      caught=$((caught + 1))
    fi
    cp "$root/$file" "$scratch/tree/$file"
  done
  echo "named mutations: $caught caught, $missed missed, $broken broken, ${#named[@]} total" | tee -a "$report"
  [ "$missed" -eq 0 ] && [ "$broken" -eq 0 ]
}

run_code() {
  command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked
  local args=("$@")
  case " $* " in
    *" --file "* | *" -f "*) ;;
    *) args=(--file 'src/rules/**' "${args[@]}") ;;
  esac
  # --cargo-arg reaches both the build (`cargo test --no-run`) and the test
  # run, so only the targets named in `tests` are built per mutant; arguments
  # after `--` (or --cargo-test-arg) reach the test run only and leave the
  # build compiling every test target, the TUI and end-to-end tests too.
  local test_args=()
  for t in "${tests[@]}"; do test_args+=("--cargo-arg=$t"); done
  nice -n 19 cargo mutants "${args[@]}" --timeout "$timeout" --copy-target true \
    --output "$out" "${test_args[@]}"
}

case "${1:-all}" in
  named) run_named ;;
  code) shift; run_code "$@" ;;
  all) run_named && run_code ;;
  *) sed -n '2,23p' "$0"; exit 2 ;;
esac
