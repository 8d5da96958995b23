"""Checks, through Orthanc's REST API, what `dcmdeid serve` delivered.

    orthanc_check.py URL EXPECTED_DIR [--phi TEXT]... [--sample N]

EXPECTED_DIR holds what `dcmdeid deidentify` writes for the same inputs with the same key: the
archive must hold exactly those instances (by SOP Instance UID), each in the same de-identified
study and series, and nothing else. A sample of instances is also read tag by tag: Patient Identity
Removed must be YES and no fake PHI value may appear anywhere in the header.
Prints one line per check and exits 1 when one fails.
"""
import argparse
import json
import os
import sys
import urllib.request

import pydicom


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def expected_triples(folder):
    triples = {}
    for root, _, names in os.walk(folder):
        for name in names:
            ds = pydicom.dcmread(os.path.join(root, name), stop_before_pixels=True)
            triples[str(ds.SOPInstanceUID)] = (str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID))
    return triples


def delivered_triples(url):
    studies = {s["ID"]: s["MainDicomTags"]["StudyInstanceUID"] for s in get(url + "/studies?expand")}
    series = {s["ID"]: (studies[s["ParentStudy"]], s["MainDicomTags"]["SeriesInstanceUID"]) for s in get(url + "/series?expand")}
    instances = get(url + "/instances?expand")
    return {i["MainDicomTags"]["SOPInstanceUID"]: series[i["ParentSeries"]] for i in instances}, [i["ID"] for i in instances]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("expected")
    parser.add_argument("--phi", action="append", default=[])
    parser.add_argument("--sample", type=int, default=25)
    args = parser.parse_args()
    expected = expected_triples(args.expected)
    delivered, ids = delivered_triples(args.url)
    failures = []

    def check(ok, message):
        print(("ok   " if ok else "FAIL ") + message)
        if not ok:
            failures.append(message)

    missing = set(expected) - set(delivered)
    extra = set(delivered) - set(expected)
    check(len(ids) == len(expected), f"archive holds {len(ids)} instances, expected {len(expected)}")
    check(not missing, f"no instance lost ({len(missing)} missing)")
    check(not extra, f"no unexpected instance ({len(extra)} extra, e.g. an original UID)")
    wrong = [uid for uid in set(expected) & set(delivered) if expected[uid] != delivered[uid]]
    check(not wrong, f"every instance is in the same de-identified study and series as `deidentify` gives ({len(wrong)} differ)")
    check(all(uid.startswith("2.25.") for uid in delivered), "every SOP Instance UID is a new 2.25 UID")
    step = max(1, len(ids) // args.sample)
    for orthanc_id in ids[::step][: args.sample]:
        tags = get(f"{args.url}/instances/{orthanc_id}/simplified-tags")
        text = json.dumps(tags)
        check(tags.get("PatientIdentityRemoved") == "YES", f"{tags.get('SOPInstanceUID')}: PatientIdentityRemoved YES")
        leaked = [phi for phi in args.phi if phi in text]
        check(not leaked, f"{tags.get('SOPInstanceUID')}: no fake PHI in the header" + (f" (found {leaked})" if leaked else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
