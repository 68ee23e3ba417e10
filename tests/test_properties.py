"""Property-based tests (Hypothesis): whatever a contributor writes, the checker answers in lines, in time.

Generated Markdown pages (headings with and without ids, links of every spelling, raw HTML, comments,
fences, lists, footnotes, stray brackets, BOM and CRLF), generated front matter (any YAML scalar,
impossible dates, broken YAML) and generated configuration fragments (mkdocs.yml, pyproject.toml) are
checked; the properties: no traceback, a bounded time, and every problem line names a file that exists
and a line that file has. Examples are few and small so that the suite stays fast; the build runs for a
handful of them only.
"""

from __future__ import annotations

import re
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sitefactory import two_page_site

PROBLEM_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): \S")
WORD = st.text(alphabet=st.sampled_from("abcxyz絵柄の-_ #[]()<>!*`:'\"/.&;^|=\\~{}"), max_size=12)
TARGET = st.one_of(
    st.sampled_from(["other.md", "other.md#details", "other.md#", "#overview", "#nope", "other.en.md#details", "../en/other/#x",
                     "https://CIVITAI.com/models/1", "https://huggingface.co/a/b", "https://huggingface.co/docs/hub",
                     "http://localhost:8000/", "https://lora-harms.github.io/lora-harms/en/", "mailto:x@example.org", ""]),
    WORD,
)
LINE = st.one_of(
    WORD,
    st.builds(lambda level, text, ident: f"{'#' * level} {text}" + (f" {{#{ident}}}" if ident else ""),
              st.integers(1, 7), WORD, st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), WORD)),
    st.builds(lambda text, target: f"[{text}]({target})", WORD, TARGET),
    st.builds(lambda text, target: f"[{text}]({target}", WORD, TARGET),
    st.builds(lambda text, label: f"[{text}][{label}]", WORD, WORD),
    st.builds(lambda label, target: f"[{label}]: {target}", WORD, TARGET),
    st.builds(lambda label: f"text[^{label}]", WORD),
    st.builds(lambda quote, target: f"<a href={quote}{target}{quote}>x</a>", st.sampled_from(['"', "'", ""]), TARGET),
    st.builds(lambda ident: f'<a id="{ident}"></a>', WORD),
    st.builds(lambda target: f'<img src="{target}" alt="">', TARGET),
    st.sampled_from(["<!--", "-->", "<!-- note -->", "```", "~~~", "```python", "===", "---", "***", "> quote", ">>>>>>> x",
                     "<<<<<<< HEAD", "=======", "*[LoRA]: x", "| a | b |", "|---|---|", "", "\t", "\ufeff", "!!! note", "[[R-9]]"]),
    st.builds(lambda depth, text: "  " * depth + f"- {text}", st.integers(0, 40), WORD),
)
BODY = st.lists(LINE, max_size=25).map("\n".join)
SCALAR = st.one_of(
    st.sampled_from(["2026-11-01", "2026-02-30", "2026-13-01", "9999-12-31", "0000-00-00", "2026-11-01 25:61:00", "yes", "null", "~",
                     "[a, b", "{a: 1}", "'quoted'", "\"unclosed", "- item", ": colon", "!!python/name:os.system", "&anchor x", "*alias",
                     "2026-11-01T10:00:00Z", "0x1F", ".inf", "|", ">"]),
    WORD,
)
FRONT_MATTER = st.lists(st.tuples(st.sampled_from(["title", "description", "last_reviewed", "translated_from", "translation_pending", "x"]),
                                  SCALAR), max_size=6)
MKDOCS_EDIT = st.sampled_from([
    ("site_url: ", "site_url: [broken"), ("  name: material", "\tname: material"), ("docs_dir", "docs_dir: 7\nx"),
    ("extra_css:", "extra_css:\n- missing.css\n"), ("nav:", "nav: 5\nold_nav:"), ("plugins:", "plugins: {}\nold_plugins:"),
    ("redirect_maps: {}", "redirect_maps: {a.md: b.md}"), ("site_url: ", "site_url: !ENV [SITE, 'x']\nold_url: "),
    ("markdown_extensions:", "markdown_extensions:\n- pymdownx.emoji:\n    emoji_index: !!python/name:material.extensions.emoji.twemoji\n"),
    ("locale: en", "locale: 5"), ("", "\ufeff"), ("", "<<<<<<< HEAD\n"),
])
PYPROJECT_EDIT = st.sampled_from([
    ("max_nesting = 20", "max_nesting = 'deep'"), ("external_timeout_seconds = 10", "external_timeout_seconds = [1"),
    ("forbidden_links = [", "forbidden_links = [\n  '(unclosed',"), ("last_section_id", "# last_section_id"),
    ("max_page_bytes = 1000000", "max_page_bytes = -1"), ("local_addresses = [", "local_addresses = ['[',"),
    ("[tool.lora-harms.check]", "[tool.lora-harms.other]"), ("", "\x00"),
])


def _front_matter(pairs: list[tuple[str, str]]) -> str:
    return "---\n" + "\n".join(f"{key}: {value}" for key, value in pairs) + "\n---\n"


def _assert_answer_is_lines(root: Path, output: str) -> None:
    """Every line is a problem naming an existing file (or folder) and a line it has, or the summary."""
    for line in output.splitlines():
        if line.startswith("check: ok"):
            continue
        match = PROBLEM_LINE.match(line)
        assert match, f"not a problem line: {line!r}"
        path = root / match["path"]
        assert path.exists() or path.is_symlink(), f"names a file that does not exist: {line!r}"
        number = int(match["line"])
        if path.is_file():
            count = max(1, len(path.read_bytes().splitlines()))
            assert 1 <= number <= count, f"line {number} of {count}: {line!r}"
        else:
            assert number == 1, line


def _check(root: Path, *args: str) -> tuple[float, str]:
    from tests.sitefactory import run_checker

    started = time.monotonic()
    result = run_checker(root, *args)
    assert result.returncode in (0, 1), result
    assert "Traceback" not in result.stdout + result.stderr
    return time.monotonic() - started, result.stdout


FAST = settings(max_examples=40, deadline=timedelta(seconds=20), suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@FAST
@given(body=BODY, front=FRONT_MATTER, crlf=st.booleans(), bom=st.booleans())
def test_any_page_gives_problem_lines(body: str, front: list[tuple[str, str]], crlf: bool, bom: bool):
    with tempfile.TemporaryDirectory() as temp:
        site = two_page_site(Path(temp))
        text = _front_matter(front) + body + "\n"
        text = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
        site.write("other.en.md", text.encode("utf-8", errors="surrogatepass"))
        elapsed, output = _check(site.root, "--no-build")
        assert elapsed < 15
        _assert_answer_is_lines(site.root, output)


@FAST
@given(mkdocs=st.lists(MKDOCS_EDIT, max_size=2), pyproject=st.lists(PYPROJECT_EDIT, max_size=2))
def test_any_configuration_gives_problem_lines(mkdocs: list[tuple[str, str]], pyproject: list[tuple[str, str]]):
    with tempfile.TemporaryDirectory() as temp:
        site = two_page_site(Path(temp))
        for name, edits in (("mkdocs.yml", mkdocs), ("pyproject.toml", pyproject)):
            path = site.root / name
            text = path.read_text(encoding="utf-8")
            for old, new in edits:
                text = text.replace(old, new, 1) if old else new + text
            path.write_text(text, encoding="utf-8")
        elapsed, output = _check(site.root, "--no-build")
        assert elapsed < 15
        _assert_answer_is_lines(site.root, output)


@settings(max_examples=6, deadline=timedelta(seconds=60), suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(body=BODY, front=FRONT_MATTER)
def test_any_page_survives_the_build(body: str, front: list[tuple[str, str]]):
    with tempfile.TemporaryDirectory() as temp:
        site = two_page_site(Path(temp))
        site.write("index.en.md", _front_matter(front) + body + "\n")
        elapsed, output = _check(site.root)
        assert elapsed < 60
        _assert_answer_is_lines(site.root, output)


PATHOLOGICAL_LINES = {
    "open links": "](" * 100_000,
    "reference brackets": "[a][b]" * 50_000,
    "footnote openers": "[^" * 100_000,
    "comment openers": "<!--" * 50_000,
    "heading braces": "# " + " {" * 50_000,
    "heading whitespace": "# x" + " \t" * 50_000 + "y",
    "attributes": "<a href=" * 50_000,
    "entities": "&#46;" * 50_000,
    "quotes": ">" * 50_000 + " x",
}


def test_pathological_lines_are_checked_in_bounded_time(tmp_path):
    """Lines that make backtracking regular expressions take quadratic time (a 200 KB line took minutes)."""
    site = two_page_site(tmp_path)
    for name, line in PATHOLOGICAL_LINES.items():
        site.write("other.en.md", site.path("index.en.md").read_text(encoding="utf-8").replace("More text.", line))
        elapsed, output = _check(site.root, "--no-build")
        assert elapsed < 10, name
        _assert_answer_is_lines(site.root, output)
