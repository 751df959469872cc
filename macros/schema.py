"""Check loaded data against the JSON Schemas in data/schema/, in words an editor can act on."""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from .problems import Problem, field_name
from .strictyaml import Document
from .yamlhints import COLON, line_text, quoting_hint

_LINE_BREAK = re.compile(r"[\n\r]")
_MOVED = "wrong indentation"
# A case study's optional groups: what an empty choice in each needs, and what to delete when the sources say nothing.
_OPTIONAL_GROUPS = {
    "positions": ("a position", "this spectrum"),
    "specialisation": ("a specialisation", "specialisation"),
    "reporting_line": ("a reporting line", "reporting_line"),
}
_TYPE_WORDS = {
    "string": "text",
    "array": "a list (lines starting with '- ')",
    "object": "a group of fields",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


@lru_cache(maxsize=8)
def _schema(schema_dir: str, name: str) -> dict:
    """Read (once) one schema with its references inlined, so validating a file looks nothing up."""
    schemas = {p.name: json.loads(p.read_text("utf-8")) for p in sorted(Path(schema_dir).glob("*.json"))}
    return _inline(schemas[name], name, schemas)


@lru_cache(maxsize=8)
def _screen(schema_dir: str, name: str):
    """A compiled (Rust) validator that only answers 'valid or not': about thirty times faster on valid files."""
    return jsonschema_rs.Draft202012Validator(_schema(schema_dir, name))


@lru_cache(maxsize=8)
def _validator(schema_dir: str, name: str):
    """The reference validator (python-jsonschema), whose errors we explain; imported only when a file is invalid."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(schema_dir, name))


def _inline(node, here: str, schemas: dict):
    """Replace local and cross-file `$ref`s with the schema they point at (kept under allOf beside sibling keywords)."""
    if isinstance(node, list):
        return [_inline(item, here, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline(value, here, schemas) for key, value in node.items()}
    ref = node.pop("$ref", None)
    if ref is None:
        return node
    file, _, pointer = ref.partition("#")
    file = file or here
    target = schemas[file]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    target = _inline(target, file, schemas)
    return {**target, **node} if not set(target) & set(node) else {"allOf": [target], **node}


def check_schema(doc: Document, schema_dir: Path, name: str) -> list[Problem]:
    """Validate `doc` against `schema_dir/name`; one problem per thing to fix."""
    screen = _screen(str(schema_dir), name)
    if screen.is_valid(doc.data):
        return []
    problems: list[Problem] = []
    for error in _validator(str(schema_dir), name).iter_errors(doc.data):
        problems.extend(_explain(error, doc))
    # A key indented out of its group is missing from that group too: one mistake, one message.
    moved = {p.field for p in problems if p.message.startswith(_MOVED)}
    problems = [p for p in problems if not (p.field in moved and p.message.startswith("missing required field"))]
    # the validators disagree (a regex dialect, say): what the compiled one rejects is never accepted
    return problems or _screen_problems(screen, doc)


def _screen_problems(screen, doc: Document) -> list[Problem]:
    """The compiled validator's own errors, positioned, for when the reference validator finds nothing to explain."""
    problems = []
    for error in screen.iter_errors(doc.data):
        path = tuple(error.instance_path)
        line, col = doc.where(path)
        problems.append(Problem(doc.path, line, col, field_name(path), error.message))
    return problems or [Problem(doc.path, 1, 1, "", "the file does not match its schema")]


def _explain(error, doc: Document) -> list[Problem]:
    """Translate one jsonschema error into problems that point at the right line."""
    path = tuple(error.absolute_path)
    schema = error.schema
    line, col = doc.where(path)
    here = field_name(path)
    kind = error.validator
    delete = _delete(path)  # for an empty value: the other good answer, or ""
    fill_or_delete = f": fill it in, or {delete}" if delete else ""
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        found = []
        for key in error.instance:
            if key not in allowed:
                kline, kcol = doc.where_key(path + (key,))
                found.append(_moved_key(doc, path, error.instance, key, schema) or Problem(doc.path, kline, kcol, field_name(path + (key,)), f"unknown field{_did_you_mean(key, allowed)}; allowed fields: {', '.join(allowed)}"))
        return found
    if kind == "required":
        missing = error.message.split("'")[1]
        choices = _property(schema, missing).get("enum")
        listed = f"; valid choices: {', '.join(map(str, choices))}" if choices else ""
        return [Problem(doc.path, line, col, field_name(path + (missing,)), f"missing required field; add it, e.g. {_example(missing, schema)}{listed}")]
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        if error.instance in (None, ""):
            needed = _OPTIONAL_GROUPS.get(path[0], ("a choice",))[0] if path else "a choice"
            return [Problem(doc.path, line, col, here, f"{needed} is needed; valid choices: {', '.join(choices)}" + (f" (or {delete})" if delete else ""))]
        return [Problem(doc.path, line, col, here, f"{error.instance!r} is not a valid choice{_did_you_mean(str(error.instance), choices)}; valid choices: {', '.join(choices)}")]
    if kind == "type":
        got = "nothing (the value is empty)" if error.instance is None else _TYPE_WORDS.get(_json_type(error.instance), "something else")
        hint = fill_or_delete if error.instance is None else _text_with_colon(doc, path, error)
        return [Problem(doc.path, line, col, here, f"expected {_TYPE_WORDS.get(error.validator_value, error.validator_value)}, got {got}{hint}")]
    if kind == "pattern":
        if _LINE_BREAK.search(error.instance) and re.search(error.validator_value, _LINE_BREAK.sub("", error.instance)):
            return [Problem(doc.path, line, col, here, _one_line(error.instance))]
        hint = schema.get("patternErrorMessage", f"must match {error.validator_value}")
        return [Problem(doc.path, line, col, here, f"{_short(error.instance)} is not accepted: {hint}")]
    if kind == "minLength":
        return [Problem(doc.path, line, col, here, f"must not be empty{fill_or_delete}")]
    if kind == "maxLength":
        return [Problem(doc.path, line, col, here, f"is {len(error.instance)} characters long; at most {error.validator_value} are allowed")]
    if kind == "minItems":
        return [Problem(doc.path, line, col, here, f"needs at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}")]
    if kind == "maxItems":
        return [Problem(doc.path, line, col, here, f"has {len(error.instance)} items; at most {error.validator_value} are allowed")]
    return [Problem(doc.path, line, col, here, error.message)]


def _moved_key(doc: Document, path: tuple, instance: dict, key: str, schema: dict) -> Problem | None:
    """An unknown key that belongs to the group just above it (indented like the group's name, not its fields): say where to indent it."""
    kline, kcol = doc.where_key(path + (key,))
    above = [k for k in instance if doc.where_key(path + (k,))[0] < kline]
    group = max(above, key=lambda k: doc.where_key(path + (k,))[0], default=None)
    value = instance.get(group)
    if not value or not isinstance(value, dict) or key not in _properties(_property(schema, group)):
        return None
    (line, col), like = max((doc.where_key(path + (group, k)), k) for k in value)
    message = f"{_MOVED}: indent `{key}:` like `{like}:` on line {line} ({col - 1} spaces), inside `{group}:`"
    return Problem(doc.path, kline, kcol, field_name(path + (group, key)), message)


def _properties(schema: dict) -> set[str]:
    """The field names a schema allows, also where a reference was inlined under allOf."""
    return {name for part in (schema, *schema.get("allOf", ())) for name in part.get("properties", {})}


def _text_with_colon(doc: Document, path: tuple, error) -> str:
    """For a group of one field where text belongs (- Funding: a lot): the ": " made it a field, so say to quote the line."""
    if error.validator_value != "string" or not isinstance(error.instance, dict) or len(error.instance) != 1 or doc.source is None:
        return ""
    line, col = doc.where(path)
    typed = quoting_hint(doc.source, line, col)
    ((key, value),) = error.instance.items()
    shown = line_text(doc.source, line)[col - 1 :].rstrip()
    if not typed or shown != (f"{key}: {value}" if value is not None else f"{key}:"):
        return ""
    return f"; {COLON}; put the text in quotes: {typed}"


def _delete(path: tuple) -> str:
    """For an empty value in an optional group of a case study, the other good answer: delete the group."""
    if path == ("positions",):
        return "delete positions if the sources do not say"
    group = _OPTIONAL_GROUPS.get(path[0]) if path else None
    return f"delete {group[1]} if the sources do not say" if group else ""


def _one_line(text: str) -> str:
    """What to do when a line break is all that is wrong with a one-line value."""
    if text.endswith("\n"):  # what a | or > block gives: the editor meant one line
        return "must be one line; remove the line break (a value after | or > ends with one: write it on the key's line instead)"
    return "must be one line; remove the line break"


def _json_type(value) -> str:
    """The JSON type name of a loaded value."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "null")


def _did_you_mean(value: str, choices: list[str]) -> str:
    """A ' (did you mean x?)' hint for near-miss spellings."""
    close = difflib.get_close_matches(value, choices, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _property(schema: dict, name: str) -> dict:
    """The schema of field `name`, also where a reference was inlined under allOf (a case study's source adds `required`)."""
    for part in (schema, *schema.get("allOf", ())):
        if name in part.get("properties", {}):
            return part["properties"][name]
    return {}


def _example(name: str, schema: dict) -> str:
    """Show, on one line, what an editor should add for a missing field."""
    sub = _property(schema, name)
    if sub.get("examples"):
        # Every example: a field written differently for different sources (a locator) shows each way.
        return " or ".join(f'{name}: "{example}"' for example in sub["examples"])
    if sub.get("enum"):
        return f"{name}: {sub['enum'][0]}"
    ref = str(sub.get("$ref", ""))
    if sub.get("type") == "array" or ref.endswith(("points", "texts")):
        return f"'{name}:' followed by lines starting with '- '"
    if sub.get("type") == "object" or ref.endswith("claim"):
        return f"'{name}:' followed by its indented fields"
    return f"'{name}: ...'"


def _short(value) -> str:
    """Quote a value, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
