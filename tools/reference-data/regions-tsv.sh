#!/usr/bin/env bash
# Builds src/Minsheng.Data/Reference/regions.tsv from a list of county-level-and-above administrative division
# codes, one "<code> <name>" per line (the Ministry of Civil Affairs' list as published year by year; see
# src/Minsheng.Data/Reference/README.md for the copy used). Levels come from the code: ..0000 province,
# ....00 prefecture-level, anything else county-level. A county-level division's parent is its prefecture
# when the list has one, else its province (districts of Beijing, counties administered by the province).
#
#   tools/reference-data/regions-tsv.sh <list file> <as-of date> > src/Minsheng.Data/Reference/regions.tsv
set -euo pipefail
list="$1"
as_of="$2"

awk -v as_of="$as_of" '
  NR == FNR {
    if ($0 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9] [^ ]+$/) { printf "line %d is not \"<six digits> <name>\": %s\n", FNR, $0 > "/dev/stderr"; exit 1 }
    known[$1] = 1
    next
  }
  FNR == 1 {
    print "# GB/T 2260 administrative divisions, county level and above, as of " as_of ". Source: README.md beside this file."
    print "# code\tname\tlevel\tparent"
  }
  {
    code = $1
    province = substr(code, 1, 2) "0000"
    prefecture = substr(code, 1, 4) "00"
    if (code == province) { level = "Province"; parent = "" }
    else if (code == prefecture) { level = "City"; parent = province }
    else { level = "County"; parent = (prefecture in known) ? prefecture : province }
    printf "%s\t%s\t%s\t%s\n", code, $2, level, parent
  }
' "$list" "$list"
