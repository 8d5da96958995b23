"""Checks that profiles/ is exactly what scripts/generate_profiles.py makes from Table E.1-1.

Run with `python3 -m pytest scripts/test_generate_profiles.py` or `python3 scripts/test_generate_profiles.py`.
Needs the standard's tables in ../shared/standard (relative to the repository root), or
in the folder named by DCMDEID_STANDARD_DIR; the tests are skipped when they are absent.
The YAML is read with PyYAML when it is installed, otherwise with a small reader for the
generated layout.
"""

import contextlib
import importlib.util
import io
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROFILES = REPO / "profiles"
STANDARD = Path(os.environ.get("DCMDEID_STANDARD_DIR", REPO.parent / "shared" / "standard"))

OPTION_COLUMNS = {
    "retain-safe-private": ("rtnSafePrivOpt", "113111"),
    "retain-uids": ("rtnUIDsOpt", "113110"),
    "retain-device-identity": ("rtnDevIdOpt", "113109"),
    "retain-institution-identity": ("rtnInstIdOpt", "113112"),
    "retain-patient-characteristics": ("rtnPatCharsOpt", "113108"),
    "retain-longitudinal-full-dates": ("rtnLongFullDatesOpt", "113106"),
    "retain-longitudinal-modified-dates": ("rtnLongModifDatesOpt", "113107"),
    "clean-descriptors": ("cleanDescOpt", "113105"),
    "clean-structured-content": ("cleanStructContOpt", "113104"),
    "clean-graphics": ("cleanGraphOpt", "113103"),
}
PRIVATE_ROW_TAG = "(GGGG,EEEE) WHERE GGGG IS ODD"


def _skip(reason):
    try:
        import pytest
    except ImportError:
        raise SystemExit("skipped: " + reason)
    pytest.skip(reason)


def _generator():
    spec = importlib.util.spec_from_file_location("generate_profiles", REPO / "scripts" / "generate_profiles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table():
    path = STANDARD / "confidentiality_profile_attributes.json"
    if not path.exists():
        _skip("standard tables not found at %s" % STANDARD)
    return json.loads(path.read_text(encoding="utf-8"))


def _table_tag(row):
    return "(GGGG,EEEE)" if row["tag"] == PRIVATE_ROW_TAG else row["tag"]


# --- YAML reading -----------------------------------------------------------
_PAIR = re.compile(r'\s*([A-Za-z]+):\s*("(?:[^"\\]|\\.)*"|[^,}]*?)\s*(?:,|$)')


def _scalar(text):
    text = text.strip()
    if text.startswith('"'):
        return json.loads(text)
    return {"true": True, "false": False, "[]": []}.get(text, text)


def _strip_comment(line):
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"' and (i == 0 or line[i - 1] != "\\"):
            in_quotes = not in_quotes
        elif ch == "#" and not in_quotes and (i == 0 or line[i - 1] == " "):
            return line[:i].rstrip()
    return line.rstrip()


def _mini_yaml(text):
    """Reader for the generated layout: top-level scalars and lists of scalars or flow maps."""
    data, current = {}, None
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line.startswith("  - "):
            item = line[4:].strip()
            if item.startswith("{"):
                body = item[1:item.rindex("}")]
                data[current].append({k: _scalar(v) for k, v in _PAIR.findall(body) if k})
            else:
                data[current].append(_scalar(item))
        else:
            key, _, value = line.partition(":")
            current = key.strip()
            data[current] = _scalar(value) if value.strip() else []
    return data


def _load(path):
    text = path.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return _mini_yaml(text)
    return yaml.safe_load(text)


# --- tests ------------------------------------------------------------------
def test_every_row_appears_once_in_basic_with_its_action():
    rows = _table()
    assert len(rows) == 621
    basic = _load(PROFILES / "basic.yaml")
    assert basic["name"] == "basic" and basic["kind"] == "profile"
    assert basic["code"] == "113100" and str(basic["edition"]) == "2024b"
    counts = Counter(rule["tag"] for rule in basic["rules"])
    assert len(basic["rules"]) == 621
    assert all(n == 1 for n in counts.values()), [t for t, n in counts.items() if n > 1]
    actions = {rule["tag"]: rule["action"] for rule in basic["rules"]}
    for row in rows:
        assert actions[_table_tag(row)] == row["basicProfile"], row["tag"]
    iod = {rule["tag"]: rule["inStandardIOD"] for rule in basic["rules"]}
    for row in rows:
        assert iod[_table_tag(row)] == (row["stdCompIOD"] == "Y"), row["tag"]


def test_basic_rules_are_sorted_and_carry_dictionary_keywords():
    basic = _load(PROFILES / "basic.yaml")
    gen = _generator()
    keys = [gen.tag_sort_key(rule["tag"]) for rule in basic["rules"]]
    assert keys == sorted(keys)
    by_tag = {rule["tag"]: rule for rule in basic["rules"]}
    assert by_tag["(0008,0050)"]["keyword"] == "AccessionNumber"
    assert by_tag["(0010,0010)"]["vr"] == "PN"
    assert by_tag["(60XX,3000)"]["keyword"] == "OverlayData"
    assert "keyword" not in by_tag["(50XX,XXXX)"]
    assert by_tag["(0010,0010)"]["action"] == "Z"  # Patient's Name
    assert by_tag["(0008,0018)"]["action"] == "U"  # SOP Instance UID
    assert any(rule["action"] == "X/Z/U*" for rule in basic["rules"])


def test_each_option_matches_its_column_exactly():
    rows = _table()
    for stem, (column, code) in OPTION_COLUMNS.items():
        option = _load(PROFILES / (stem + ".yaml"))
        assert option["name"] == stem and option["kind"] == "option" and option["code"] == code, stem
        got = [(rule["tag"], rule["action"]) for rule in option["rules"]]
        assert len(got) == len(set(got)), stem
        want = {(_table_tag(row), row[column]) for row in rows if column in row}
        assert set(got) == want, stem
        assert all(action in ("K", "C") for _, action in got), stem


def test_clean_pixel_data_has_no_rules():
    option = _load(PROFILES / "clean-pixel-data.yaml")
    assert option["kind"] == "option" and option["code"] == "113101"
    assert option["rules"] == []


def test_safe_private_entries_are_well_formed():
    option = _load(PROFILES / "retain-safe-private.yaml")
    entries = option["safePrivate"]
    assert len(entries) >= 100
    seen = set()
    for entry in entries:
        assert re.fullmatch(r"[0-9A-F]{4}", entry["group"]) and int(entry["group"], 16) % 2 == 1, entry
        assert re.fullmatch(r"[0-9A-F]{2}", entry["element"]), entry
        assert entry["creator"], entry
        assert "vr" not in entry or re.fullmatch(r"[A-Z]{2}", entry["vr"]), entry
        key = (entry["group"], entry["creator"], entry["element"])
        assert key not in seen, entry
        seen.add(key)
    assert ("7053", "Philips PET Private Group", "00") in seen
    assert ("0019", "SIEMENS MR HEADER", "0C") in seen


def test_retained_attributes_policy_is_outside_the_table():
    rows = _table()
    dictionary = json.loads((STANDARD / "data_dictionary_attributes.json").read_text(encoding="utf-8"))
    tag_of = {entry["keyword"]: entry["tag"] for entry in dictionary if entry["keyword"]}
    in_table = {row["tag"] for row in rows}
    policy = _load(PROFILES / "retained-attributes.yaml")
    assert "UI" not in policy["keepVRs"]
    assert {"DA", "TM", "DT", "PN", "UN", "SQ"}.isdisjoint(policy["keepVRs"])
    for keyword in policy["keepKeywords"] + policy["exceptKeywords"]:
        assert keyword in tag_of, keyword
        assert tag_of[keyword] not in in_table, keyword
    assert "ProtocolName" not in policy["keepKeywords"]  # it is in Table E.1-1


def test_regenerating_is_byte_identical_and_idempotent():
    _table()
    gen = _generator()
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
        assert gen.main([str(STANDARD), "--out", tmp]) == 0
        produced = sorted(p.name for p in Path(tmp).iterdir())
        assert produced, "nothing generated"
        for name in produced:
            assert (Path(tmp) / name).read_bytes() == (PROFILES / name).read_bytes(), name
        before = {name: (Path(tmp) / name).stat().st_mtime_ns for name in produced}
        assert gen.main([str(STANDARD), "--out", tmp]) == 0
        assert before == {name: (Path(tmp) / name).stat().st_mtime_ns for name in produced}
    assert gen.main([str(STANDARD), "--check"]) == 0


if __name__ == "__main__":
    tests = [(name, fn) for name, fn in sorted(globals().items()) if name.startswith("test_") and callable(fn)]
    failed = 0
    for name, fn in tests:
        try:
            fn()
            print("ok   %s" % name)
        except AssertionError as error:
            failed += 1
            print("FAIL %s: %s" % (name, error))
    print("%d passed, %d failed" % (len(tests) - failed, failed))
    sys.exit(1 if failed else 0)
