"""Every YAML feature and edge case we could think of: the loader answers each with clean data or positioned problems, never a traceback.

Each input says what must happen: CLEAN (loads with no problem) or a piece of the message it must give.
`playbook check` gets the same inputs as a case study and must end with status 0 or 1, naming the file.
"""

from __future__ import annotations

import math
import re
import shutil

import pytest

from helpers import ROOT, copy_data
from macros import strictyaml
from macros.cli import main
from macros.strictyaml import MAX_BYTES, MAX_DEPTH, load_yaml

CLEAN = "no problem"
TAG = "is not allowed: write the value plainly, in quotes if it is text"
NUMBER = "YAML tools disagree on what"
SYNTAX = "YAML syntax error: "
HIDDEN = "contains an invisible character"
NOT_UTF8 = "the file is not valid UTF-8 text; save it as UTF-8"
ANCHOR = "anchors (&name) and aliases (*name) are not allowed"
# Said in our words or the YAML library's (PyYAML 6.0.4 stops deep flows itself): what matters is that nesting is the problem.
NESTED = re.compile(r"\bnest(?:ed|ing)\b.*\b(?:deep|depth)\b", re.I)
DOCUMENTS = re.compile(r"\b(?:another|more than one|single) document", re.I)  # at the second document's start
KEY = "a key must be a plain word, not a list or mapping"
DUPLICATE = "duplicate key (first given on line"
DIRECTIVE = "directives (%YAML, %TAG) are not allowed"
EMPTY = "the file is empty"
TABS = "indent with spaces, not tabs"


def case(id_, text, expect, line=None):
    """An input and what it must give: CLEAN, a piece of the message, or a pattern of its meaning on `line`."""
    return pytest.param(text, expect, line, id=id_)


def _says(problem, expect, line) -> bool:
    """Whether a problem gives what a case expects: its words, or its meaning (a pattern) at the expected line."""
    if isinstance(expect, re.Pattern):
        return bool(expect.search(problem.message)) and line in (None, problem.line)
    return expect in str(problem)


CORPUS = [
    # tags of every kind
    case("tag-python-object", "a: !!python/object:os.system x\n", "the tag !!python/object:os.system " + TAG),
    case("tag-python-apply", 'name: !!python/object/apply:os.system ["id"]\n', "the tag !!python/object/apply:os.system"),
    case("tag-python-name", "a: !!python/name:os.system ''\n", TAG),
    case("tag-float-inf", "industry: !!float .inf\n", "the tag !!float " + TAG),
    case("tag-float-nan", "a: !!float nan\n", "the tag !!float"),
    case("tag-int-abc", "a: !!int abc\n", "the tag !!int"),
    case("tag-int-binary", "a: !!int 0b101\n", "the tag !!int"),
    case("tag-int-empty-hex", "a: !!int 0x\n", "the tag !!int"),
    case("tag-bool-yes", "a: !!bool yes\n", "the tag !!bool"),
    case("tag-null-hello", "a: !!null hello\n", "the tag !!null"),
    case("tag-str", "a: !!str 12\n", "the tag !!str"),
    case("tag-str-empty", "a: !!str\n", "the tag !!str"),
    case("tag-binary", "a: !!binary aGVsbG8=\n", "the tag !!binary"),
    case("tag-timestamp", "a: !!timestamp 2001-12-14\n", "the tag !!timestamp"),
    case("tag-set", "a: !!set {x, y}\n", "the tag !!set"),
    case("tag-omap", "a: !!omap [x: 1]\n", "the tag !!omap"),
    case("tag-map-document", "--- !!map\na: 1\n", "the tag !!map"),
    case("tag-seq", "a: !!seq [1]\n", "the tag !!seq"),
    case("tag-non-specific", "a: ! 12\n", "the tag ! " + TAG),
    case("tag-local", "a: !custom x\n", "the tag !custom"),
    case("tag-local-mapping", "a: !thing {b: 1}\n", "the tag !thing"),
    case("tag-verbatim", "a: !<tag:example.com,2000:x> y\n", "the tag !<tag:example.com,2000:x>"),
    case("tag-verbatim-local", "a: !<!bar> y\n", "the tag !bar"),
    case("tag-uri-escape-hidden", "a: !<tag:x%E2%80%8B> y\n", r"the tag !<tag:x\u200b>"),
    case("tag-on-key", "!!str a: 1\n", "the tag !!str"),
    case("tag-on-explicit-key", "? !!str a\n: 1\n", "the tag !!str"),
    case("tag-directive", "%TAG !e! tag:example.com,2000:\n---\na: !e!foo x\n", DIRECTIVE),
    case("tag-undefined-handle", "a: !e!foo x\n", SYNTAX),
    case("yaml-1.1-directive", "%YAML 1.1\n---\na: yes\n", DIRECTIVE),
    case("yaml-1.2-directive", "%YAML 1.2\n---\na: b\n", DIRECTIVE),
    case("yaml-2.0-directive", "%YAML 2.0\n---\na: b\n", SYNTAX),
    case("unknown-directive", "%FOO bar\n---\na: b\n", SYNTAX),
    case("directive-without-document-start", "%YAML 1.2\na: b\n", SYNTAX),
    # every number form
    case("number-int", "a: 12\n", CLEAN),
    case("number-negative", "a: -12\n", CLEAN),
    case("number-plus", "a: +1\n", CLEAN),
    case("number-zero", "a: 0\n", CLEAN),
    case("number-minus-zero", "a: -0\n", CLEAN),
    case("number-decimal", "a: 1.25\n", CLEAN),
    case("number-15-digits", "a: 999999999999999\n", CLEAN),
    case("number-16-digits", "a: 9999999999999999\n", "a number of 16 digits is too long"),
    case("number-5000-digits", "a: " + "9" * 5000 + "\n", "a number of 5000 digits is too long"),
    case("number-5000-digits-negative", "a: -" + "1" * 5000 + "\n", "a number of 5000 digits is too long"),
    case("number-long-fraction", "a: 0." + "1" * 400 + "\n", "digits is too long"),
    case("number-hex", "a: 0x1F\n", NUMBER),
    case("number-hex-upper-x", "a: 0X1F\n", CLEAN),  # text to every YAML reader
    case("number-octal-12", "a: 0o17\n", NUMBER),
    case("number-octal-11", "a: 012\n", NUMBER),
    case("number-leading-zero-8", "a: 08\n", NUMBER),
    case("number-double-zero", "a: 00\n", NUMBER),
    case("number-binary", "a: 0b101\n", NUMBER),
    case("number-underscore", "a: 1_000\n", NUMBER),
    case("number-sexagesimal", "a: 1:20\n", NUMBER),
    case("number-sexagesimal-long", "a: 190:20:30\n", NUMBER),
    case("number-sexagesimal-float", "a: 1:20.5\n", NUMBER),
    case("number-exponent", "a: 1e3\n", NUMBER),
    case("number-exponent-signed", "a: 1.5e+3\n", NUMBER),
    case("number-exponent-huge", "a: 1e400\n", NUMBER),
    case("number-exponent-negative-huge", "a: -1e400\n", NUMBER),
    case("number-exponent-tiny", "a: 1e-400\n", NUMBER),
    case("number-dot-five", "a: .5\n", NUMBER),
    case("number-trailing-dot", "a: 1.\n", NUMBER),
    case("number-inf", "a: .inf\n", NUMBER),
    case("number-minus-inf", "a: -.Inf\n", NUMBER),
    case("number-plus-inf", "a: +.INF\n", NUMBER),
    case("number-nan", "a: .nan\n", NUMBER),
    case("number-nan-mixed", "a: .NaN\n", NUMBER),
    case("number-bare-sign", "a: -\n", SYNTAX),
    case("number-plus-sign", "a: +\n", CLEAN),
    case("number-dot", "a: .\n", CLEAN),
    case("number-e-only", "a: 1e\n", CLEAN),
    case("number-empty-bases", "a: [0x, 0o, 0b]\n", CLEAN),
    case("number-version", "a: 1.2.3\n", CLEAN),
    case("number-comma", "a: 1,000\n", CLEAN),
    case("number-words", "a: 3M\nb: 7-Eleven\nc: 24/7\n", CLEAN),
    case("number-quoted", "a: \"012\"\nb: '1e400'\nc: \".inf\"\n", CLEAN),
    case("number-in-flow", "a: [1, 2.5, -3]\n", CLEAN),
    case("number-in-flow-bad", "a: [1, 0x10]\n", NUMBER),
    case("dates-stay-text", "a: 2024-02-30\nb: 2001-12-14t21:59:43.10-05:00\n", CLEAN),
    # booleans and nulls
    case("bool-core", "a: true\nb: False\nc: TRUE\n", CLEAN),
    case("bool-yaml-11-yes", "a: yes\n", "bare yes means true/false"),
    case("bool-yaml-11-off", "a: OFF\n", "bare OFF means true/false"),
    case("bool-yaml-11-in-flow", "a: [on, off]\n", "bare on means true/false"),
    case("bool-quoted", "a: 'yes'\nb: \"NO\"\n", CLEAN),
    case("null-forms", "a: ~\nb: null\nc: NULL\nd:\ne: Null\n", CLEAN),
    # keys of every kind
    case("key-null", "~: a\nnull: b\n", CLEAN),
    case("key-empty-plain", ": a\n", SYNTAX),
    case("key-empty-explicit", "? \n: a\n", CLEAN),
    case("key-empty-quoted", "'': a\n", CLEAN),
    case("key-bool", "true: a\nyes: b\nNO: c\n", CLEAN),
    case("key-number", "1: a\n0x1F: b\n.inf: c\n012: d\n", CLEAN),
    case("key-block-scalar", "? |\n  block key\n: 1\n", CLEAN),
    case("key-multiline-quoted", '"a\\nb": 1\n', CLEAN),
    case("key-flow-sequence", "? [a]\n: 1\n", KEY),
    case("key-flow-mapping", "? {a: 1}\n: 2\n", KEY),
    case("key-implicit-flow-sequence", "[a, b]: 1\n", KEY),
    case("key-implicit-flow-mapping", "{a: 1}: 2\n", KEY),
    case("key-block-sequence", "? - a\n  - b\n: 1\n", KEY),
    case("key-anchor", "&k a: 1\n", ANCHOR),
    case("key-alias", "a: 1\n*k : 2\n", ANCHOR),
    case("key-zero-width-written", "na\u200bme: A\n", HIDDEN + " U+200B (ZERO WIDTH SPACE)"),
    case("key-zero-width-escaped", '"na\\u200bme": A\n', "the key " + HIDDEN + " U+200B"),
    case("key-bidi-written", "\u202ename: A\n", HIDDEN + " U+202E"),
    case("key-bidi-escaped", '"\\u202ename": A\n', "the key " + HIDDEN + " U+202E"),
    case("key-no-break-space", "na\u00a0me: A\n", CLEAN),
    case("key-very-long", "k" * 2000 + ": 1\n", SYNTAX),
    case("key-long-quoted", '"' + "k" * 1100 + '": 1\n', SYNTAX),
    # duplicates at every depth
    case("duplicate-top", "a: 1\na: 2\n", DUPLICATE + " 1)"),
    case("duplicate-deep", "a:\n  b:\n    c:\n      d: 1\n      d: 2\n", DUPLICATE + " 4)"),
    case("duplicate-in-list", "- a: 1\n  a: 2\n", DUPLICATE),
    case("duplicate-flow", "{a: 1, a: 2}\n", DUPLICATE),
    case("duplicate-quoted-and-plain", "a: 1\n'a': 2\n", DUPLICATE),
    case("duplicate-null-keys", "~: 1\n~: 2\n", DUPLICATE),
    case("duplicate-many", "a: 1\n" * 20000, DUPLICATE),
    case("same-key-different-parents", "a:\n  x: 1\nb:\n  x: 2\n", CLEAN),
    # anchors, aliases and merge keys
    case("anchor", "a: &x 1\n", ANCHOR),
    case("alias", "a: &x 1\nb: *x\n", ANCHOR),
    case("alias-undefined", "a: *nowhere\n", ANCHOR),
    case("anchor-on-mapping", "a: &x {b: 1}\n", ANCHOR),
    case("anchor-in-flow", "[&a 1, *a]\n", ANCHOR),
    case("merge-key-alias", "base: &b {x: 1}\nthing:\n  <<: *b\n", ANCHOR),
    case("merge-key-inline", "<<: {a: 1}\n", CLEAN),
    case("billion-laughs", 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n', ANCHOR),
    # flow and block styles
    case("flow-mapping", "{a: 1, b: [1, 2, {c: d}]}\n", CLEAN),
    case("flow-trailing-comma", "a: [x, y,]\nb: {c: 1,}\n", CLEAN),
    case("flow-single-pair", "a: [b: 1]\n", CLEAN),
    case("flow-key-only", "{a}\n", CLEAN),
    case("flow-multiline", "a: [\n  1,\n  2\n]\n", CLEAN),
    case("flow-unclosed", "a: [1, 2\n", SYNTAX),
    case("flow-unclosed-mapping", "a: {b: 1\n", SYNTAX),
    case("block-sequence-top", "- a\n- b\n", CLEAN),
    case("block-sequence-zero-indent", "a:\n- 1\n- 2\n", CLEAN),
    case("block-mapping-in-sequence", "- a: 1\n  b: 2\n", CLEAN),
    case("block-bad-indent", "a:\n  b: 1\n c: 2\n", SYNTAX),
    case("block-value-then-mapping", "a: b\n  c: d\n", SYNTAX),
    case("block-mapping-value-not-allowed", "a: b: c\n", SYNTAX),
    case("top-level-scalar", "hello\n", CLEAN),
    case("top-level-number", "12\n", CLEAN),
    case("top-level-list", "[1, 2]\n", CLEAN),
    case("reserved-at", "a: @x\n", SYNTAX),
    case("reserved-backtick", "a: `x\n", SYNTAX),
    case("plain-with-hash", "a: 1#c\nb: x # comment\n", CLEAN),
    case("plain-with-dash", "a: - b\n", SYNTAX),
    case("plain-percent", "a: %x\n", SYNTAX),
    case("question-mark-plain", "a: ?x\n", CLEAN),
    # block scalars with every chomping and indentation indicator
    case("literal", "a: |\n  x\n  y\n", CLEAN),
    case("literal-strip", "a: |-\n  x\n", CLEAN),
    case("literal-keep", "a: |+\n  x\n\n\n", CLEAN),
    case("folded", "a: >\n  x\n  y\n", CLEAN),
    case("folded-strip", "a: >-\n  x\n  y\n", CLEAN),
    case("folded-keep", "a: >+\n  x\n\n", CLEAN),
    case("literal-indent-indicator", "a: |2\n   x\n", CLEAN),
    case("literal-indent-and-chomp", "a: |1-\n  x\n", CLEAN),
    case("literal-chomp-then-indent", "a: >-2\n   x\n", CLEAN),
    case("literal-bad-indicator", "a: |0\n  x\n", SYNTAX),
    case("literal-indicator-10", "a: |10\n  x\n", SYNTAX),
    case("literal-empty", "a: |\nb: 1\n", CLEAN),
    case("folded-leading-blank-lines", "a: >\n\n  x\n", CLEAN),
    case("literal-less-indented-line", "a: |\n    x\n  y\n", SYNTAX),
    case("literal-tab-inside", "a: |\n  x\ty\n", CLEAN),
    # documents, markers, comments, emptiness
    case("explicit-start-and-end", "---\na: 1\n...\n", CLEAN),
    case("end-marker-then-comment", "a: 1\n...\n# trailing\n", CLEAN),
    case("two-documents", "a: 1\n---\nb: 2\n", DOCUMENTS, line=2),
    case("two-documents-with-end", "---\na: 1\n...\n---\nb: 2\n", DOCUMENTS, line=4),
    case("documents-inline", "--- a\n--- b\n", DOCUMENTS, line=2),
    case("start-marker-only", "---\n", CLEAN),
    case("start-and-end-only", "--- \n...\n", CLEAN),
    case("end-marker-only", "...\n", SYNTAX),
    case("empty", "", EMPTY),
    case("blank-lines", "\n\n\n", EMPTY),
    case("comment-only", "# only a comment\n", EMPTY),
    case("tilde-document", "~\n", CLEAN),
    case("comment-after-value", "a: 'x' # c\nb: \"y\"#after a quote\n", CLEAN),
    case("comment-without-newline-at-end", "a: 1 # c", CLEAN),
    case("no-newline-at-end", "a: 1", CLEAN),
    # byte-order marks, line ends, tabs
    case("bom-str", "\ufeffa: 1\n", CLEAN),
    case("bom-bytes", b"\xef\xbb\xbfa: 1\n", CLEAN),
    case("bom-twice", "\ufeff\ufeffa: 1\n", HIDDEN + " U+FEFF"),
    case("bom-in-middle", "a: 1\n\ufeffb: 2\n", HIDDEN + " U+FEFF"),
    case("utf-16", "a: 1\n".encode("utf-16"), NOT_UTF8),
    case("utf-32", "a: 1\n".encode("utf-32"), NOT_UTF8),
    case("crlf", "a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"p\r\n  q\"\r\n", CLEAN),
    case("cr-only", "a: 1\rb: 2\r", CLEAN),
    case("mixed-line-ends", "a: 1\r\nb: 2\nc: 3\r", CLEAN),
    case("tab-indent", "name: Tab Co\n\tindustry: Test\n", TABS),
    case("tab-indent-first-line", "\tname: x\n", TABS),
    case("tab-after-spaces", "a:\n \tb: 1\n", TABS),
    case("tab-before-dash", "a:\n\t- x\n", TABS),
    case("tab-after-dash", "a:\n  -\tx\n", TABS),
    case("tab-in-block-scalar-indent", "a: |\n\tx\n", TABS),
    case("tab-in-value", "a: b\tc\n", CLEAN),
    case("tab-after-colon", "a:\t1\n", CLEAN),
    case("tab-in-flow", "a: [1,\t2]\n", CLEAN),
    case("tab-before-comment", "a: 1\n  \t# c\n", CLEAN),
    # control, invisible and direction-changing characters, written or escaped
    case("nul-byte", b"a: b\x00c\n", HIDDEN + " U+0000"),
    case("nul-only", b"\x00", HIDDEN + " U+0000"),
    case("nul-in-comment", b"# \x00\na: 1\n", HIDDEN + " U+0000"),
    case("bell", "a: b\x07\n", HIDDEN + " U+0007"),
    case("escape-char-written", "a: \x1b[31mred\n", HIDDEN + " U+001B"),
    case("delete-char", "a: b\x7f\n", HIDDEN + " U+007F"),
    case("next-line-written", "a: b\x85c\n", HIDDEN + " U+0085"),
    case("line-separator-written", "a: b\u2028c: d\n", HIDDEN + " U+2028"),
    case("paragraph-separator-written", "a: b\u2029\n", HIDDEN + " U+2029"),
    case("vertical-tab", "a: b\x0bc\n", HIDDEN + " U+000B"),
    case("form-feed", "a: 1\n\x0c\nb: 2\n", HIDDEN + " U+000C"),
    case("escaped-nul", 'a: "\\0"\n', "a: " + HIDDEN + " U+0000"),
    case("escaped-bell", 'a: "\\a"\n', HIDDEN + " U+0007"),
    case("escaped-escape", 'a: "\\e[31m"\n', HIDDEN + " U+001B"),
    case("escaped-carriage-return", 'a: "x\\ry"\n', HIDDEN + " U+000D"),
    case("escaped-next-line", 'a: "\\N"\n', HIDDEN + " U+0085"),
    case("escaped-line-separator", 'a: "\\L"\n', HIDDEN + " U+2028"),
    case("escaped-paragraph-separator", 'a: "\\P"\n', HIDDEN + " U+2029"),
    case("escaped-no-break-space", 'a: "x\\_y"\n', CLEAN),
    case("escaped-ascii", 'a: "\\x41\\u0042\\U00000043\\/\\t"\n', CLEAN),
    case("escaped-invalid", 'a: "\\q"\n', SYNTAX),
    case("escaped-short-unicode", 'a: "\\u12"\n', SYNTAX),
    case("escaped-lone-high-surrogate", 'a: "\\ud800"\n', SYNTAX),
    case("escaped-lone-low-surrogate", 'a: "\\udc00"\n', SYNTAX),
    case("escaped-surrogate-pair", 'a: "\\ud83d\\ude00"\n', SYNTAX),
    case("escaped-beyond-unicode", 'a: "\\U00110000"\n', SYNTAX),
    case("escaped-zero-width", 'a: "x\\u200by"\n', "a: " + HIDDEN + " U+200B (ZERO WIDTH SPACE) after 'x'"),
    case("escaped-bidi", 'name: "Good Co\\u202egnp.exe"\n', "name: " + HIDDEN + " U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    case("escaped-isolate", 'a: "\\u2067x"\n', HIDDEN + " U+2067"),
    case("escaped-tag-character", 'a: "x\\U000E0041"\n', HIDDEN + " U+E0041"),
    case("escaped-private-use", 'a: "\\uE000"\n', HIDDEN + " U+E000"),
    case("escaped-noncharacter", 'a: "\\uFFFE"\n', HIDDEN + " U+FFFE"),
    case("escaped-in-list", 'a: ["ok", "x\\u200dy"]\n', "a[1]: " + HIDDEN + " U+200D"),
    case("written-zero-width", "name: Ac\u200bme\n", HIDDEN + " U+200B (ZERO WIDTH SPACE) after 'name: Ac'"),
    case("written-bidi-in-comment", "a: 1 # \u202etxt.exe\n", HIDDEN + " U+202E"),
    case("written-soft-hyphen", "a: Acme\u00adCorp\n", HIDDEN + " U+00AD"),
    case("written-word-joiner", "a: x\u2060y\n", HIDDEN + " U+2060"),
    case("written-emoji-zwj", "a: \U0001F468\u200d\U0001F469\n", HIDDEN + " U+200D (ZERO WIDTH JOINER)"),
    case("written-tag-sequence", "a: \U0001F3F4\U000E0067\U000E0062\U000E007F\n", HIDDEN + " U+E0067"),
    case("written-private-use", "a: x\U000F0000\n", HIDDEN + " U+F0000"),
    case("written-noncharacter", "a: \ufdd0\n", HIDDEN + " U+FDD0"),
    case("written-plane-noncharacter", "a: \U0010FFFF\n", HIDDEN + " U+10FFFF"),
    case("written-egyptian-format", "a: x\U00013430y\n", HIDDEN + " U+13430"),
    case("written-mongolian-vowel-separator", "a: x\u180ey\n", HIDDEN + " U+180E"),
    case("written-in-single-quotes", "a: 'x\u200by'\n", HIDDEN + " U+200B"),
    case("written-in-block-scalar", "a: |\n  x\u200by\n", HIDDEN + " U+200B"),
    case("written-and-escaped", 'a: "\u200b\\u200c"\n', HIDDEN + " U+200C"),
    case("visible-unicode", "name: Café 😀 北京 شركة\n", CLEAN),
    case("no-break-space", "a: Acme\u00a0Corp\n", CLEAN),
    case("combining-marks", "a: e\u0301\n", CLEAN),
    # text that is not UTF-8, or not text at all
    case("latin-1", b"name: caf\xe9\n", NOT_UTF8),
    case("lone-byte", b"\xff", NOT_UTF8),
    case("truncated-sequence", b"a: \xe2\x82", NOT_UTF8),
    case("overlong-encoding", b"a: \xc0\xaf\n", NOT_UTF8),
    case("encoded-surrogate", b"a: \xed\xa0\x80\n", NOT_UTF8),
    case("lone-surrogate-in-str", "a: \ud800\n", NOT_UTF8),
    case("beyond-unicode-bytes", b"a: \xf4\x90\x80\x80\n", NOT_UTF8),
    case("binary-noise", bytes(range(256)), NOT_UTF8),
    # size, length and depth
    case("very-long-line", "a: " + "x" * 200_000 + "\n", CLEAN),
    case("very-long-quoted-line", 'a: "' + "x" * 200_000 + '"\n', CLEAN),
    case("long-list", "a: [" + "1, " * 40_000 + "1]\n", CLEAN),
    case("many-keys", "".join(f"k{i}: {i}\n" for i in range(10_000)), CLEAN),
    case("oversized", "a: " + "x" * MAX_BYTES + "\n", f"the limit is {MAX_BYTES:,} bytes"),
    case("deep-flow", "a: " + "[" * 500 + "]" * 500 + "\n", NESTED, line=1),
    case("deep-flow-unclosed", "a: " + "[" * 100_000 + "\n", NESTED, line=1),
    case("deep-flow-mapping", "a: " + "{b: " * 100 + "1" + "}" * 100 + "\n", NESTED, line=1),
    case("deep-block", "".join(f"{'  ' * i}k{i}:\n" for i in range(500)), NESTED, line=MAX_DEPTH),
    case("deep-block-sequence", "- " * 200 + "x\n", NESTED, line=1),
    # hidden characters in bulk: each line is reported once, in time linear in the file's size
    case("hidden-long-line", "a: " + "\u200b" * 80_000 + "\n", HIDDEN + " U+200B (ZERO WIDTH SPACE) after 'a: '"),
    case("hidden-on-every-line", "\u200b\n" * 60_000, HIDDEN + " U+200B (ZERO WIDTH SPACE) at the start of the line"),
    case("hidden-on-every-crlf-line", "a\u200b\r\n" * 40_000, HIDDEN),
    case("hidden-written-beside-an-escape", 'a: "\\t' + "\u200b" * 80_000 + '"\n', HIDDEN),
    case("depth-at-limit", "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", CLEAN),
    # broken syntax
    case("unterminated-double-quote", 'a: "x\n', SYNTAX),
    case("unterminated-single-quote", "a: 'x\n", SYNTAX),
    case("stray-closing-bracket", "a: ]\n", SYNTAX),
    case("colon-only", ":\n", SYNTAX),
    case("dash-only", "-\n", CLEAN),
    case("question-only", "?\n", CLEAN),
    case("anchor-without-name", "a: & x\n", SYNTAX),
    case("alias-without-name", "a: *\n", SYNTAX),
    case("tag-without-suffix", "a: !!\n", SYNTAX),
]


def _lines(text: str | bytes) -> int:
    """How many lines the input has, counted as YAML counts them (LF, CRLF or CR)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


@pytest.mark.parametrize(("text", "expect", "line"), CORPUS)
def test_the_loader_answers_every_input_with_clean_data_or_positioned_problems(text, expect, line):
    doc, found = load_yaml(text, "x.yml")  # an exception here fails the test
    lines = _lines(text)
    for problem in found:
        assert problem.path == "x.yml" and problem.message.strip(), problem
        assert 1 <= problem.line <= lines + 1 and problem.col >= 1, problem
        # a printed problem never carries the invisible or direction-changing characters it reports
        assert not list(strictyaml._hidden(str(problem))), repr(str(problem))
    if not found:
        _assert_plain_data(doc.data)
    if expect == CLEAN:
        assert found == [], [str(p) for p in found]
    else:
        assert any(_says(p, expect, line) for p in found), [str(p) for p in found]


def _assert_plain_data(value) -> None:
    """Clean data holds only JSON's kinds of value: text keys, finite numbers, nothing a tag could build."""
    if isinstance(value, dict):
        assert all(isinstance(key, str) for key in value)
        for item in value.values():
            _assert_plain_data(item)
    elif isinstance(value, list):
        for item in value:
            _assert_plain_data(item)
    else:
        assert value is None or isinstance(value, (str, bool, int, float)), type(value)
        assert not isinstance(value, float) or math.isfinite(value)


def test_the_corpus_covers_both_answers():
    """Both answers must occur often, or the corpus tests only one path."""
    expects = [param.values[1] for param in CORPUS]
    assert expects.count(CLEAN) >= 50 and len(expects) - expects.count(CLEAN) >= 100


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """One copy of the playbook's data for the whole module, with the real pages."""
    root = tmp_path_factory.mktemp("corpus")
    copy_data(root)
    shutil.copytree(ROOT / "content", root / "content")  # a copy: links in content/ are refused
    return root


@pytest.mark.parametrize(("text", "expect", "line"), CORPUS[::3])
def test_playbook_check_names_the_file_for_a_sample_of_inputs(capsys, root, text, expect, line):
    """`playbook check` with the input as a case study: status 0 or 1, every line about it positioned, no traceback."""
    path = root / "data/case-studies/corpus-input.yml"
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    try:
        status = main(["--root", str(root), "check"])
    finally:
        path.unlink()
    out, err = capsys.readouterr()
    assert status in (0, 1) and "Traceback" not in out + err
    about_it = [line for line in out.splitlines() if "corpus-input.yml" in line]
    assert all(re.match(r"data/case-studies/corpus-input\.yml:\d+:\d+: \S", line) for line in about_it), about_it
    # a case study is a mapping with required fields, so none of these inputs can pass the check
    assert status == 1 and about_it, out
