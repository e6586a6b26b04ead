"""Invalid-by-construction mutations of JSON inputs: hand-made networks and kMC / harvest
checkpoints. Each returns (label, text, culprit) where culprit is the field the message should
name, or "" when the file name is enough."""
from __future__ import annotations

import copy
import json
import random

# JSON cannot spell these; a strict reader must refuse them with a message, not a library dump.
BAD_NUMBERS = ["NaN", "Infinity", "1e400", "-1e400", '"0.5"', "null", "true", "[]", "{}"]
BAD_IDS = ["-1", "4294967393", "99999999999999999999", "1.5", '"0"', "1e300"]


def _with_raw(doc, path: list, raw: str) -> str:
    """The JSON text of doc with the value at `path` replaced by the raw token `raw`."""
    marker = "\u0001MARK\u0001"
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = marker
    return json.dumps(doc).replace(json.dumps(marker), raw)


def network_mutations(text: str, rng: random.Random) -> list[tuple[str, str, str]]:
    base = json.loads(text)
    out = []
    for field in ("energy",):
        i = rng.randrange(len(base["minima"]))
        for raw in BAD_NUMBERS:
            out.append((f"minimum {field} {raw}", _with_raw(copy.deepcopy(base), ["minima", i, field], raw), field))
    for raw in BAD_IDS:
        i = rng.randrange(len(base["minima"]))
        out.append((f"minimum id {raw}", _with_raw(copy.deepcopy(base), ["minima", i, "id"], raw), "id"))
    for field in ("energy", "prefactor_forward", "prefactor_backward"):
        k = rng.randrange(len(base["saddles"]))
        for raw in BAD_NUMBERS + (["0", "-1"] if field.startswith("prefactor") else ["-100"]):
            out.append((f"saddle {field} {raw}", _with_raw(copy.deepcopy(base), ["saddles", k, field], raw), field))
    for field in ("from", "to"):
        k = rng.randrange(len(base["saddles"]))
        for raw in BAD_IDS + ["77"]:
            out.append((f"saddle {field} {raw}", _with_raw(copy.deepcopy(base), ["saddles", k, field], raw), field))
    doc = copy.deepcopy(base)
    doc["minima"].append(dict(doc["minima"][0]))
    out.append(("duplicate minimum id", json.dumps(doc), "id"))
    doc = copy.deepcopy(base)
    doc["saddles"][0]["to"] = doc["saddles"][0]["from"]
    out.append(("saddle to itself", json.dumps(doc), "to"))
    for key in ("minima", "saddles"):
        doc = copy.deepcopy(base)
        del doc[key]
        out.append((f"missing {key}", json.dumps(doc), key))
        out.append((f"{key} not an array", _with_raw(copy.deepcopy(base), [key], '{"a": 1}'), key))
    doc = copy.deepcopy(base)
    del doc["saddles"][0]["energy"]
    out.append(("saddle without energy", json.dumps(doc), "energy"))
    doc = copy.deepcopy(base)
    doc["minima"][0]["typo"] = 1
    out.append(("unknown minimum field", json.dumps(doc), "typo"))
    out += [("empty file", "", ""), ("not json", "minima: 0", ""), ("top-level array", "[1, 2]", ""),
            ("truncated", text[: rng.randrange(1, len(text) - 2)], "")]
    return out


def kmc_checkpoint_mutations(text: str, rng: random.Random) -> list[tuple[str, str, str]]:
    base = json.loads(text)
    runs = sorted(base["records"], key=int)
    out = []
    r = rng.choice(runs)
    for raw in ["-1", "7", "99999999999999999999", "4294967296", "1.5", '"0"', "NaN", "null"]:
        out.append((f"state {raw}", _with_raw(copy.deepcopy(base), ["records", r, "states", 0], raw), ""))
    for field in ("events", "distinct_states", "superbasin_exits"):
        for raw in ["-1", "1.5", "1e400", '"3"']:
            out.append((f"{field} {raw}", _with_raw(copy.deepcopy(base), ["records", r, field], raw), ""))
    for field in ("strain", "work"):
        out.append((f"{field} NaN", _with_raw(copy.deepcopy(base), ["records", r, field, 0], "NaN"), ""))
        out.append((f"{field} string", _with_raw(copy.deepcopy(base), ["records", r, field, 0], '"x"'), ""))
    doc = copy.deepcopy(base)
    doc["records"][r]["states"].append(0)
    out.append(("states longer than times", json.dumps(doc), ""))
    doc = copy.deepcopy(base)
    doc["records"]["999"] = doc["records"][r]
    out.append(("record of run 999 of 4", json.dumps(doc), ""))
    doc = copy.deepcopy(base)
    doc["records"]["-1"] = doc["records"][r]
    out.append(("record of run -1", json.dumps(doc), ""))
    doc = copy.deepcopy(base)
    doc["format"] = "glassland-kmc-ensemble-checkpoint 99"
    out.append(("newer format", json.dumps(doc), ""))
    doc = copy.deepcopy(base)
    del doc["records"][r]["states"]
    out.append(("record without states", json.dumps(doc), ""))
    out += [("first_passage string", _with_raw(copy.deepcopy(base), ["records", r, "first_passage"], '"soon"'), ""),
            ("first_passage negative", _with_raw(copy.deepcopy(base), ["records", r, "first_passage"], "-5"), ""),
            ("empty file", "", ""), ("truncated", text[: rng.randrange(1, len(text) - 2)], ""),
            ("records array", _with_raw(copy.deepcopy(base), ["records"], "[1]"), "")]
    return out


def harvest_checkpoint_mutations(text: str, rng: random.Random) -> list[tuple[str, str, str]]:
    base = json.loads(text)
    out = []
    for raw in ["-1", "1.5", "99999999999999999999", '"400"', "null", "1e400"]:
        out.append((f"step {raw}", _with_raw(copy.deepcopy(base), ["step"], raw), "step"))
    for field in ("catalog", "data"):
        out.append((f"{field} missing file", _with_raw(copy.deepcopy(base), [field], '"no-such-file"'), "no-such-file"))
        out.append((f"{field} number", _with_raw(copy.deepcopy(base), [field], "3"), field))
    for field, raw in [("natoms", "257"), ("seed", "-1"), ("temperature", "NaN"), ("dt", '"0.005"'), ("quench_every", "0")]:
        out.append((f"signature {field} {raw}", _with_raw(copy.deepcopy(base), ["signature", field], raw), ""))
    doc = copy.deepcopy(base)
    doc["format"] = "glassland-harvest-checkpoint 99"
    out.append(("newer format", json.dumps(doc), "format"))
    out += [("empty file", "", ""), ("truncated", text[: rng.randrange(1, len(text) - 2)], "")]
    return out
