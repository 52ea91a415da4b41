"""The policy compiler: a validated policy spec turned into a :class:`CompiledPolicy`.

Cross-references (rule names in the schedule, detectors in conditions, catalogue
categories), detectors (keyword tables normalised with the policy's steps, Aho-Corasick
automata, RE2 patterns), conditions and enforcement settings. Every problem is collected
with its file, line, column and field path and raised together as one
:class:`~policy.errors.LocatedError`.

:func:`policy.loader.load_policy_text` is the way in; it imports this module only when a
policy is not already in the compiled-policy cache (``policy.compiled_cache``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from policy import messages as M
from policy import schema as S
from policy.catalogue import ASSETS, DEFAULT_CATALOGUE, PSEUDO_CATEGORIES, read_catalogue
from policy.conditions import ConditionError, parse_condition
from policy.detectors import (
    Classifier,
    DeviceMatch,
    KeywordsDetector,
    RegexDetector,
    UserReports,
    compile_re2,
)
from policy.detectors.base import TextDetector
from policy.errors import LocatedError, Problem, format_path
from policy.interface import Announcement
from policy.messages import Message, MessageError, did_you_mean, msg, one_of
from policy.model import (
    CHANNELS,
    AppealSettings,
    CompiledPolicy,
    Enforcement,
    LadderStep,
    Phase,
    ReviewSettings,
    Rule,
    StrikeSettings,
)
from policy.normalize import STEPS, Normalizer, make_normalizer
from policy.review import KIND_IDS
from policy.schedule import schedule_phases, spec_announcements
from policy.session import YamlSession
from policy.tables import policy_tables
from policy.termfile import read_term_files
from policy.yamlfile import Located, parse_yaml, validate


def compile_policy(
    text: str, source: str, *, start_day: int | None, base_dir: Path | None
) -> tuple[CompiledPolicy, list[Path]]:
    """Parse, validate and compile a policy's YAML text.

    Returns the policy and the data files it was compiled from (catalogue, term files,
    shipped tables): the compiled-policy cache checks them before reusing the result.
    Raises :class:`~policy.errors.LocatedError` with every problem found."""
    located = parse_yaml(text, source)
    moved = (
        start_day is not None
        and isinstance(located.data, dict)
        and start_day != located.data.get("start_day", 0)
    )
    if start_day is not None and isinstance(located.data, dict):
        located.data["start_day"] = start_day
    try:
        spec = validate(S.PolicySpec, located)
    except LocatedError as exc:  # the rules' conditions are checked too: every problem at once
        more = condition_problems(located)
        if more:
            raise LocatedError([*exc.problems, *more]) from None
        raise
    compiler = _Compiler(spec, located, text, base_dir, moved=moved)
    policy = compiler.compile()
    if moved:  # the policy's text says what ran: a stored run or a report shows this day
        policy.source = with_start_day(text, int(start_day or 0))
    return policy, compiler.inputs


def condition_problems(located: Located) -> list[Problem]:
    """The problems of the rules' ``when`` conditions in a policy the schema rejected
    (the compiler, which checks them, runs only on a valid policy): an unknown signal,
    operator, detector or category, one per condition, read from the file as written.
    Categories are those of the shipped catalogue; a policy naming its own catalogue
    has its categories checked once the rest is valid."""
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return []
    detectors = list(data["detectors"]) if isinstance(data.get("detectors"), dict) else None
    if detectors is None or "catalogue" in data:
        return []  # the names a condition may use are not known yet
    categories = [*read_catalogue(None).categories]
    categories += [c for c in PSEUDO_CATEGORIES if c not in categories]
    problems = []
    for i, rule in enumerate(data["rules"]):
        if not isinstance(rule, dict) or rule.get("when") is None:
            continue
        try:
            parse_condition(rule["when"], detectors, categories)
        except ConditionError as exc:
            path = ("rules", i, "when", *exc.path)
            line, col = located.where(path, key=exc.key)
            problems.append(Problem.of(located.source, line, col, format_path(path), exc.message))
    return problems


def with_start_day(text: str, day: int) -> str:
    """A valid policy's YAML text with its ``start_day`` set to ``day``, so that the text
    stored with a run or shown in its report is the policy that ran, not the file before
    ``load_policy(..., start_day=N)`` moved it. Only that line changes (a new one goes
    after ``description``, ``name`` or ``version``), marked with a comment; a policy
    whose top level is a flow mapping (``{...}``) is rewritten by ruamel's round trip."""
    located = parse_yaml(text, "<policy>")
    was = located.data.get("start_day", 0)
    note = f"  # moved when loaded (the file says {was})"
    lines = text.splitlines(keepends=True)
    top = {k: located.key_pos.get((k,)) for k in located.data}
    if all(pos is not None and pos[1] == 1 for pos in top.values()):  # a block mapping
        if "start_day" in located.data:
            line, col = located.where(("start_day",))
            row = lines[line - 1]
            value = re.match(r"[^\s#]+", row[col - 1 :])
            if value is not None:
                rest = row[col - 1 + value.end() :]
                comment = note if not rest.strip() else ""
                eol = row[len(row.rstrip("\r\n")) :]
                lines[line - 1] = row[: col - 1] + str(day) + rest.rstrip("\r\n") + comment + eol
                return "".join(lines)
        else:
            order = sorted(top, key=lambda k: top[k] or (0, 0))
            after = next((k for k in ("description", "name", "version") if k in top), None)
            i = order.index(after) + 1 if after else 0
            at = (top[order[i]] or (1, 1))[0] - 1 if i < len(order) else len(lines)
            if lines and not lines[-1].endswith("\n") and at == len(lines):
                lines[-1] += "\n"
            lines.insert(at, f"start_day: {day}{note}\n")
            return "".join(lines)
    import io

    from ruamel.yaml import YAML  # a flow-style policy: only then

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    data = yaml.load(text)
    data["start_day"] = day
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


# -- compile: cross-references, detectors, conditions -----------------------------------


class _Compiler:
    def __init__(
        self,
        spec: S.PolicySpec,
        located: Located,
        text: str,
        base_dir: Path | None,
        *,
        moved: bool = False,
    ) -> None:
        self.spec = spec
        self.moved = moved  # start_day given when loading, not as the file says
        self.loc = located
        self.text = text
        self.base_dir = base_dir
        self.issues: list[Problem] = []
        cat_path = Path(spec.catalogue) if spec.catalogue else None
        if cat_path is not None and not cat_path.is_absolute():
            cat_path = (base_dir or Path.cwd()) / cat_path
        # the data files the result depends on (present or not): the shipped tables,
        # the catalogue and every term file; see policy.compiled_cache
        self.inputs: list[Path] = [*sorted((ASSETS / "tables").glob("*.yaml"))]
        self.inputs.append(cat_path if cat_path is not None else DEFAULT_CATALOGUE)
        if cat_path is not None and not cat_path.exists():
            self.error(("catalogue",), msg(M.NO_CATALOGUE_FILE, path=str(cat_path)))
        self.catalogue = read_catalogue(cat_path)
        cats = list(self.catalogue.categories)
        cats += [c for c in PSEUDO_CATEGORIES if c not in cats]
        self.categories = tuple(cats)
        if len(self.categories) > 63:
            self.error(("catalogue",), msg(M.TOO_MANY_CATEGORIES))
        self.tables = policy_tables(spec.tables, self.error)

    def error(self, path: tuple, message: Message, key: bool = False) -> None:
        line, col = self.loc.where(path, key=key)
        self.issues.append(Problem.of(self.loc.source, line, col, format_path(path), message))

    def check_category(self, path: tuple, name: str, key: bool = False) -> int:
        """The category's bit, or 0 after an error at ``path`` (at its key with ``key``:
        a mapping keyed by categories, such as ``terms`` or ``recall``)."""
        if name in self.categories:
            return 1 << self.categories.index(name)
        self.error(
            path,
            msg(
                M.UNKNOWN_CATEGORY_KNOWN,
                name=name,
                hint=did_you_mean(name, self.categories),
                known=", ".join(self.categories),
            ),
            key=key,
        )
        return 0

    def check_steps(self, path: tuple, steps: list[str]) -> tuple[str, ...]:
        for i, s in enumerate(steps):
            if s not in STEPS:
                self.error(
                    (*path, i),
                    msg(
                        M.UNKNOWN_STEP, step=s, hint=did_you_mean(s, STEPS), expected=one_of(STEPS)
                    ),
                )
        return tuple(s for s in steps if s in STEPS)

    def compile(self) -> CompiledPolicy:
        detectors = {name: self.detector(name, d) for name, d in self.spec.detectors.items()}
        self.text_detectors = tuple(n for n, d in detectors.items() if isinstance(d, TextDetector))
        rules = [self.rule(i, r) for i, r in enumerate(self.spec.rules)]
        seen: dict[str, int] = {}
        for i, r in enumerate(self.spec.rules):
            if r.name in seen:
                self.error(("rules", i, "name"), msg(M.DUPLICATE_RULE, index=seen[r.name]))
            seen.setdefault(r.name, i)
        phases = self.phases(seen)
        announced = self.announcements()
        if self.issues:
            raise LocatedError(self.issues)
        return CompiledPolicy(
            name=self.spec.name,
            source=self.text,
            spec=self.spec,
            categories=self.categories,
            detectors=detectors,
            rules=rules,
            phases=phases,
            enforcement=self.enforcement(),
            session_factory=YamlSession,
            announced=announced,
            file=self.loc.source,
            catalogue=self.catalogue,
        )

    # detectors
    def detector(self, name: str, d: Any) -> Any:
        path = ("detectors", name)
        if isinstance(d, S.KeywordsSpec):
            return self.keywords(name, d, path)
        if isinstance(d, S.RegexSpec):
            steps = self.check_steps((*path, "normalize"), d.normalize)
            compiled = {}
            for pname, pattern in d.patterns.items():
                try:
                    compiled[pname] = compile_re2(pattern)
                except MessageError as exc:
                    self.error((*path, "patterns", pname), exc.message)
            bits = self.check_category((*path, "category"), d.category) if d.category else 0
            det = RegexDetector(
                name=name, patterns=compiled, category=d.category or "", cat_bits=bits, steps=steps
            )
            det.normalizer = make_normalizer(steps, self.tables(None)) if steps else None
            return det
        if isinstance(d, S.ClassifierSpec):
            for k in d.recall:
                if k != "default":
                    self.check_category((*path, "recall", k), k, key=True)
            return Classifier(name, self.categories, dict(d.recall), dict(d.false_positive_rate))
        if isinstance(d, S.ReportsSpec):
            return UserReports(name, d.min_reports, d.window_days, d.per)
        return DeviceMatch(name, d.detection_probability)

    def keywords(self, name: str, d: S.KeywordsSpec, path: tuple) -> KeywordsDetector:
        steps = self.check_steps((*path, "normalize"), d.normalize)
        lists: dict[str, list[str]] = {}
        wants_catalogue = d.terms_from == "catalogue" or "catalogue" in d.terms.values()
        if wants_catalogue and not self.catalogue.categories:
            self.error((*path, "terms_from"), msg(M.NO_CATALOGUE_FOR_TERMS))
        if d.categories is not None and d.terms_from is None:
            self.error((*path, "categories"), msg(M.CATEGORIES_NEED_CATALOGUE))
        if d.terms_from == "catalogue":
            chosen = d.categories if d.categories is not None else list(self.catalogue.categories)
            for i, c in enumerate(chosen):
                if self.check_category((*path, "categories", i), c):
                    lists.setdefault(c, []).extend(self.catalogue.terms_for(c, d.locales))
        for c, terms in d.terms.items():
            if not self.check_category((*path, "terms", c), c, key=True):
                continue
            if terms == "catalogue":
                terms = self.catalogue.terms_for(c, d.locales)
            lists.setdefault(c, []).extend(terms)
        base = self.base_dir or (
            Path(self.loc.source).parent if Path(self.loc.source).is_file() else None
        )
        for files in d.terms_file.values():
            for name in [files] if isinstance(files, str) else files:
                f = Path(name)
                self.inputs.append(f if f.is_absolute() else (base or Path.cwd()) / f)
        origins = read_term_files(
            d.terms_file, base, path, lists, self.check_category, self.error, self.issues
        )
        if not lists and not self.issues:
            self.error(path, msg(M.KEYWORDS_NEED_TERMS))
        det = KeywordsDetector(name=name, categories=self.categories, steps=steps, mode=d.mode)
        det.origins = origins
        det.exceptions = tuple(d.exceptions)
        try:
            norm = make_normalizer(steps, self.tables(d.locales)) if steps else Normalizer([])
        except MessageError as exc:  # a locale without a table
            self.error((*path, "locales"), exc.message)
            norm = Normalizer(list(steps))
        det.normalizer = norm
        for c, terms in lists.items():
            bit = 1 << self.categories.index(c)
            for t in terms:
                n = norm.term(t)
                if not n:
                    continue
                mask, raws = det.table.get(n, (0, ()))
                det.table[n] = (mask | bit, (*raws, t) if t not in raws else raws)
        det.build()
        return det

    # rules
    def rule(self, i: int, r: S.RuleSpec) -> Rule:
        path = ("rules", i)
        try:
            node = parse_condition(r.when, list(self.spec.detectors), self.categories)
        except ConditionError as exc:
            self.error(
                (*path, "when", *exc.path),
                exc.message,
                key=exc.key,
            )
            node = parse_condition(None, [], [])
        scope_cats = 0
        for j, c in enumerate(r.scope.categories or []):
            scope_cats |= self.check_category((*path, "scope", "categories", j), c)
        if r.action == "allow" and r.strikes:
            self.error((*path, "strikes"), msg(M.ALLOW_GIVES_NO_STRIKES))
        kinds = None
        if r.scope.account_kind is not None:
            kinds = tuple({"personal": 0, "official": 1}[k] for k in r.scope.account_kind)
        stages = tuple({"upload": 0, "report": 1}[s] for s in r.scope.stages)
        channels = None
        if r.scope.channels is not None:
            channels = tuple(sorted({CHANNELS[c] for c in r.scope.channels}))
        return Rule(
            index=i,
            name=r.name,
            condition=node,
            action=r.action,
            strikes=r.strikes,
            priority=r.priority,
            shadow=r.shadow,
            factor=r.factor,
            restrict_days=r.restrict_days,
            delay_hours=r.delay_hours,
            account_kinds=kinds,
            channels=channels,
            scope_cats=scope_cats,
            stages=stages,
            detectors=node.detectors,
            scope_detectors=tuple(sorted(node.detectors)) or self.text_detectors,
        )

    def enforcement(self) -> Enforcement:
        """The ``enforcement:`` section compiled to plain settings (validated by the schema)."""
        enf = self.spec.enforcement
        strikes = review = appeals = None
        if enf.strikes is not None:
            s = enf.strikes
            strikes = StrikeSettings(
                window_days=s.window_days,
                half_life_days=s.half_life_days,
                ladder=tuple(LadderStep(st.at, st.action, st.days) for st in s.ladder),
            )
        if enf.review is not None:
            r = enf.review
            review = ReviewSettings(
                capacity_per_day=r.capacity_per_day,
                delay_hours=r.delay_hours,
                accuracy=r.accuracy,
                minutes_per_item=r.minutes_per_item,
                violating_kinds=tuple(int(KIND_IDS[k]) for k in r.violating),
            )
        if enf.appeals is not None:
            a = enf.appeals
            appeals = AppealSettings(
                share_appealed=a.share_appealed,
                overturn_probability=a.overturn_probability,
                overturn_probability_when_right=a.overturn_probability_when_right,
                delay_days=a.delay_days,
            )
        return Enforcement(strikes=strikes, review=review, appeals=appeals)

    def phases(self, names: dict[str, int]) -> list[Phase]:
        return schedule_phases(self.spec, names, self.error, moved=self.moved)

    def announcements(self) -> list[Announcement]:
        return spec_announcements(self.spec, self.check_category)
