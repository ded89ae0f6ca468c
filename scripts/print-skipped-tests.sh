#!/usr/bin/env bash
# Prints how many tests the suite skipped, and which with the reason, from Surefire's XML reports: a skip hides
# coverage, so it must be seen. Usage: scripts/print-skipped-tests.sh [target/surefire-reports]
set -euo pipefail
reports=${1:-target/surefire-reports}
python3 - "$reports" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

total = skipped = 0
lines = []
skipped_classes = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "TEST-*.xml"))):
    suite = ET.parse(path).getroot()
    total += int(suite.get("tests", 0))
    if int(suite.get("tests", 0)) == 0:
        skipped_classes.append(f"  {suite.get('name')}: ran no test (a class-level assumption or an empty class)")
    for case in suite.iter("testcase"):
        skip = case.find("skipped")
        if skip is not None:
            skipped += 1
            reason = (skip.get("message") or skip.text or "").strip().splitlines()
            lines.append(f"  {case.get('classname')}#{case.get('name')}: {reason[0] if reason else 'no reason given'}")
print(f"Skipped tests: {skipped} of {total}")
for line in lines + skipped_classes:
    print(line)
if skipped_classes:
    print(f"Test classes that ran no test: {len(skipped_classes)}")
PY
