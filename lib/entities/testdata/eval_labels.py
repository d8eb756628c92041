# The compact entity labels of lib/entities/test_util.h, and the writer of
# the evaluation sets: shared by make_eval*.py.
import json


def m(kind, amount, cur, text):
    """A money entity: kind exact/around/between/under/over, amount "40.00"."""
    if kind in ("exact", "around", "between"):
        v = amount
    elif kind == "under":
        v = ".." + amount
    else:
        v = amount + ".."
    return f'money:{kind} {v} {cur} "{text}"'


def e(t, v, text):
    """Any other entity: type, value, the text it spans."""
    return f'{t}:{v} "{text}"'


def write_sets(sets):
    """Writes each (name, rows) as name.jsonl, one {"text", "entities"} a line."""
    for name, rows in sets:
        with open(f"{name}.jsonl", "w", encoding="utf-8") as f:
            for text, entities in rows:
                f.write(json.dumps({"text": text, "entities": entities}, ensure_ascii=False) + "\n")
