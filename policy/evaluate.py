"""Replay a policy over labelled messages, the way SpamAssassin's mass-check runs
rules over ham and spam corpora: hits, precision, recall, F1 and false-positive rate
per rule and overall.

Each chunk of messages becomes one :class:`DayBatch` decided by a fresh session of
the real policy code, so the numbers can never disagree with what the engine would
do. Every message has its own author (strike ladders cannot interfere) and the
author signals of ``policy explain`` (a personal account, a year old, 100 friends).
A corpus has no ground truth to *perceive*: detectors that read perception or
behaviour (classifier, user reports, device match) are forced to "not fired", so
only the text rules are measured; such rules are marked ``text_only: false``.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
from rich.cells import cell_len

from policy.author import Author, never_fires
from policy.conditions import DetectorOutput
from policy.corpus import Chunk, read_corpus
from policy.detectors import TextDetector, memo
from policy.evidence import ALL, explaining, masks, reads, text_evidence
from policy.explanation import CHANNELS, default_day
from policy.interface import (
    CHANNEL_NAMES,
    AccountAction,
    DayBatch,
    PerceptionView,
    PostAction,
    RunContext,
    Stage,
    TextView,
    scanned_channels,
)
from policy.model import SEVERITY as _SEVERITY
from policy.model import CompiledPolicy
from policy.session import BatchFrame, YamlSession

_POST_NAMES = {int(a): a.name.lower() for a in PostAction}
_TOP_KEEP = 50_000  # distinct wrongly-hit/missed texts tracked before pruning to the top


def _ratio(a: float, b: float) -> float:
    return float(a / b) if b else float("nan")


@dataclass
class Scores:
    """Confusion counts of one decision (a rule's hits or the policy's actions)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; NaN (undefined) when either is: a
        decision that hit nothing, or a corpus without spam, has no F1 to report (0.0
        would read as a measured score)."""
        if not self.hits or not self.tp + self.fn:
            return float("nan")
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def fpr(self) -> float:
        return _ratio(self.fp, self.fp + self.tn)

    @property
    def hits(self) -> int:
        return self.tp + self.fp

    def add(self, pred: np.ndarray, y: np.ndarray) -> None:
        self.tp += int(np.count_nonzero(pred & y))
        self.fp += int(np.count_nonzero(pred & ~y))
        self.fn += int(np.count_nonzero(~pred & y))
        self.tn += int(np.count_nonzero(~pred & ~y))

    def confusion(self) -> list[list[int]]:
        """[[TN, FP], [FN, TP]]: scikit-learn's layout with labels (0, 1)."""
        return [[self.tn, self.fp], [self.fn, self.tp]]

    def to_dict(self, rates: bool = True) -> dict[str, Any]:
        """Counts and rates; a rate with no denominator is ``None`` (JSON null), and so
        is every rate when ``rates`` is false (an ``allow`` rule: it actions nothing)."""
        names = ("precision", "recall", "f1", "fpr")
        rates = {k: getattr(self, k) if rates else float("nan") for k in names}
        return {
            "hits": self.hits,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            **{k: None if v != v else v for k, v in rates.items()},
            "confusion": self.confusion(),
        }


@dataclass
class RuleResult:
    """One rule: ``decided`` = what it did in the policy's order (first match wins),
    ``alone`` = every message its condition and scope match (mass-check style)."""

    name: str
    action: str
    shadow: bool
    text_only: bool
    decided: Scores = field(default_factory=Scores)
    alone: Scores = field(default_factory=Scores)
    # a live review rule of a policy without reviewers (no ``enforcement.review``): the
    # posts it sends to review stay up, as in a run (``policy check`` and ``explain`` say so)
    unreviewed: bool = False
    # why it fires on no message by the evaluated author (policy.author.never_fires):
    # its scope or its condition's signals exclude them whatever the text; empty: it may
    never: list[str] = field(default_factory=list)

    @property
    def acts(self) -> bool:
        """Whether a hit of this rule is an action against the message. An ``allow`` rule
        (a whitelist) actions nothing: a spam message it hits is spam it let through, so
        precision, recall and false-positive rate do not describe it. Nor does a review
        rule that nothing reviews: its posts stay up as if allowed."""
        return self.action != "allow" and not self.unreviewed


@dataclass
class Example:
    text: str
    count: int
    rule: str
    evidence: str


@dataclass
class Evaluation:
    policy: str
    corpus: str
    day: int
    channel: str = "moments"  # the channel every message is posted in
    seen: bool = True  # False: the policy does not scan that channel; nothing is decided
    messages: int = 0
    positives: int = 0
    negatives: int = 0
    ignored: int = 0
    blank_lines: int = 0  # blank lines of the corpus file skipped (not rows, not messages)
    distinct_texts: int = 0  # summed over chunks: texts the detectors actually read
    seconds: float = 0.0
    overall: Scores = field(default_factory=Scores)
    rules: list[RuleResult] = field(default_factory=list)
    wrongly_hit: list[Example] = field(default_factory=list)
    missed: list[Example] = field(default_factory=list)
    not_text: list[str] = field(default_factory=list)  # detectors forced to "not fired"
    scanned: list[str] = field(default_factory=lambda: ["moments"])  # the policy's ``scan``
    # rules the schedule leaves out on ``day``: (name, the next day it puts them in force,
    # None when it never does again); they decide nothing here
    not_in_force: list[tuple[str, int | None]] = field(default_factory=list)
    top: int = 10  # examples listed of each kind; 0: none listed (not: none found)
    author: Author = field(default_factory=Author)  # every message's author
    semantics: str = "first_match"  # the policy's: whether a matching rule stops the rest

    @property
    def throughput(self) -> float:
        return _ratio(self.messages, self.seconds)

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "corpus": self.corpus,
            "day": self.day,
            "channel": self.channel,
            "author": self.author.to_dict(),
            "seen": self.seen,
            "messages": self.messages,
            "positives": self.positives,
            "negatives": self.negatives,
            "ignored": self.ignored,
            "blank_lines": self.blank_lines,
            "distinct_texts": self.distinct_texts,
            "seconds": self.seconds,
            "messages_per_second": self.throughput,
            "overall": self.overall.to_dict(),
            "rules": [
                {
                    "name": r.name,
                    "action": r.action,
                    "shadow": r.shadow,
                    "text_only": r.text_only,
                    "unreviewed": r.unreviewed,
                    "never_fires": list(r.never),
                    **r.decided.to_dict(rates=r.acts),
                    "alone": r.alone.to_dict(rates=r.acts),
                }
                for r in self.rules
            ],
            "top": self.top,
            "wrongly_hit": [asdict(e) for e in self.wrongly_hit],
            "missed": [asdict(e) for e in self.missed],
            "not_text_detectors": self.not_text,
            "not_in_force": [{"rule": r, "from_day": d} for r, d in self.not_in_force],
            "notes": [
                n.strip()
                for n in (unseen_note(self), not_in_force_note(self), *rule_notes(self))
                if n
            ],
        }


@dataclass
class ChunkDecisions:
    """Per-message decisions of one chunk (rows with an ``ignore`` label dropped)."""

    rows: np.ndarray  # 1-based corpus row numbers
    texts: list[str]
    labels: list[str]
    y: np.ndarray  # bool: the message is violating (spam)
    flagged: np.ndarray  # bool: the policy took a non-allow, non-shadow action
    action: list[str]
    rule: list[str]  # the deciding rule, "" when none fired
    evidence: list[str]  # the terms that matched after normalisation
    decided: np.ndarray  # bool (messages × rules): the rule fired in the policy's order
    alone: np.ndarray  # bool (messages × rules): the rule's condition and scope match


class Evaluator:
    """Accumulates an :class:`Evaluation` chunk by chunk (memory bounded by the chunk)."""

    def __init__(
        self,
        policy: CompiledPolicy,
        *,
        day: int | None = None,
        signals: Mapping[str, Any] | None = None,
        top: int = 10,
        corpus: str = "",
        channel: str = "moments",
        labels: Mapping[str, str] | None = None,
    ) -> None:
        """``signals``: every message's author, as ``policy.explain``'s (see
        :meth:`policy.author.Author.of`; ``labels`` names its keys in errors). Raises
        ``ValueError`` for a channel that is not moments, chat or group, or a bad author."""
        if channel not in CHANNELS:
            raise ValueError(f"--channel must be one of {', '.join(CHANNELS)}, got {channel!r}")
        self.policy = policy
        self.day = default_day(policy) if day is None else day
        self.channel = CHANNELS[channel]
        # a new post in a channel the policy does not scan never reaches it (the engine
        # hands it none, ``policy explain`` says "not seen"): every message is allowed
        self.seen = self.channel in scanned_channels(policy)
        self.author = Author.of(signals, labels)
        self.top = top
        self.text_dets = [n for n, d in policy.detectors.items() if isinstance(d, TextDetector)]
        self.not_text = [n for n in policy.detectors if n not in self.text_dets]
        self.active = policy.active(self.day)
        self.result = Evaluation(
            policy.name,
            corpus,
            self.day,
            channel,
            self.seen,
            not_text=self.not_text,
            scanned=[CHANNEL_NAMES[c] for c in scanned_channels(policy)],
            not_in_force=rules_not_in_force(policy, self.day),
            top=top,
            semantics=policy.semantics,
            author=self.author,
        )
        # a review with no reviewers is no action: the post stays up (as in a run)
        self.unreviewed = policy.enforcement.review is None
        self.result.rules = [
            RuleResult(
                r.name,
                r.action,
                r.shadow,
                not (r.detectors & set(self.not_text)),
                unreviewed=self.unreviewed and r.action == "review" and not r.shadow,
            )
            for r in policy.rules
        ]
        # the signals every message has (author, channel, stage, hour): which rules they
        # leave out whatever the text
        batch, _texts = self._batch([""])
        frame = BatchFrame(batch, self._session(1))
        for res, r in zip(self.result.rules, policy.rules, strict=True):
            res.never = never_fires(r, frame, self.author)
        self._fp: Counter[str] = Counter()
        self._fn: Counter[str] = Counter()
        self._why: dict[str, tuple[str, str]] = {}

    def _batch(self, texts: list[str]) -> tuple[DayBatch, list[str]]:
        ids: dict[str, int] = {}
        tid = np.fromiter((ids.setdefault(t, len(ids)) for t in texts), np.int32, len(texts))
        n, a = len(texts), self.author
        full = np.full
        batch = DayBatch(
            day=self.day,
            post_id=np.arange(n, dtype=np.int64),
            posted_day=full(n, self.day, np.int32),
            hour=full(n, 12.0, np.float32),
            author=np.arange(n, dtype=np.int32),
            account_kind=full(n, a.account_kind, np.int8),
            account_age_days=full(n, a.age_days, np.int32),
            friend_count=full(n, a.friends, np.int32),
            posts_today=full(n, a.posts_today, np.int32),
            prior_ban_device=np.zeros(n, bool),
            text_id=tid,
            stage=full(n, Stage.UPLOAD, np.int8),
            reports=np.zeros(n, np.int32),
            new_reports=np.zeros(n, np.int32),
            texts=TextView(list(ids), np.zeros(len(ids), bool)),
            perceived=PerceptionView(np.zeros(n, np.int8), full(n, -1, np.int8)),
            channel=full(n, self.channel, np.int8),
        )
        return batch, list(ids)

    def _session(self, n: int) -> YamlSession:
        cats = tuple(c for c in self.policy.categories if c not in ("spam", "ad"))
        session = self.policy.start(
            RunContext(cats, "en_US", np.random.default_rng(0), self.day + 1)
        )
        off = DetectorOutput(np.zeros(n, bool), np.zeros(n, np.uint64), np.zeros(n, np.int32))
        for name in self.not_text:
            session.overrides[name] = off
        # every message's author (0 … n-1) comes with the strikes asked for, given the
        # day before, as ``policy explain --strikes`` gives them
        session.preload_strikes(np.arange(n), self.author.strikes, self.day)
        return session

    def add(self, chunk: Chunk) -> ChunkDecisions:
        keep = chunk.y >= 0
        self.result.ignored += int(np.count_nonzero(~keep))
        self.result.blank_lines += chunk.blank_lines
        idx = np.flatnonzero(keep)
        texts = [chunk.texts[i] for i in idx.tolist()]
        y = chunk.y[idx] == 1
        n, p = len(texts), self.policy
        batch, distinct = self._batch(texts)
        session = self._session(n)
        # a corpus is read once: its messages' findings would only fill the memory
        with memo.not_kept():
            out = session.decide(batch) if n and self.seen else None
            n_rules = len(p.rules)
            decided = np.zeros((n, n_rules), bool)
            sev = np.zeros(n, np.int8)
            rule = np.full(n, -1, np.int32)
            if out is not None:
                self._posts(out.posts, decided, sev, rule)
                self._accounts(out.accounts, decided, sev, rule)
            alone = self._alone(batch, session) if n and self.seen else decided
        flagged = sev > 0
        names = {v: k for k, v in _SEVERITY.items()}
        action = [names[int(s)] for s in sev.tolist()]
        evidence = self._evidence(batch, session, rule, flagged | y)
        rule_names = [p.rules[r].name if r >= 0 else "" for r in rule.tolist()]
        self._tally(texts, y, flagged, decided, alone, rule_names, evidence, len(distinct))
        return ChunkDecisions(
            idx + chunk.first_row,
            texts,
            [chunk.labels[i] for i in idx.tolist()],
            y,
            flagged,
            action,
            rule_names,
            evidence,
            decided,
            alone,
        )

    def _posts(self, posts, decided, sev, rule) -> None:
        up = posts.stage == Stage.UPLOAD
        pid, act, rl, sh = posts.post_id[up], posts.action[up], posts.rule[up], posts.shadow[up]
        decided[pid, rl] = True
        for i, a, r in zip(pid[~sh].tolist(), act[~sh].tolist(), rl[~sh].tolist(), strict=True):
            s = _SEVERITY[_POST_NAMES[a]]
            if a == PostAction.REVIEW and self.unreviewed:
                s = 0  # nothing reviews it: the post stays up, as if allowed
            if s > sev[i] or rule[i] < 0:
                sev[i], rule[i] = s, r

    def _accounts(self, accts, decided, sev, rule) -> None:
        """Restrict/ban rules act on the author, here the message's own account."""
        for a, act, r in zip(
            accts.account.tolist(), accts.action.tolist(), accts.rule.tolist(), strict=True
        ):
            spec = self.policy.rules[r] if r >= 0 else None
            if spec is None or spec.action not in ("restrict", "ban") or spec.shadow:
                continue  # a strike-ladder step: account-level, not a post decision
            decided[a, r] = True
            s = _SEVERITY["ban" if act == AccountAction.BAN else "restrict"]
            if s > sev[a]:
                sev[a], rule[a] = s, r

    def _alone(self, batch: DayBatch, session: YamlSession) -> np.ndarray:
        frame = BatchFrame(batch, session)
        out = np.zeros((len(batch), len(self.policy.rules)), bool)
        for r in self.policy.rules:
            if self.active[r.index]:
                out[:, r.index] = r.matches(frame)
        return out

    def _evidence(
        self, batch: DayBatch, session: YamlSession, rule: np.ndarray, want: np.ndarray
    ) -> list[str]:
        """The terms that made the deciding rule fire, as written in the message (only the
        categories its conditions read, the branches that held: ``policy.evidence``, as the
        engine's evidence); all text detectors' hits for a message no rule acted on. Once
        per (rule, text, branches)."""
        tid = batch.text_id
        rows = np.flatnonzero(want)
        bits = np.zeros(len(tid), dtype=object)  # which reads explain each row (a bit each)
        for r in {int(x) for x in rule[rows].tolist()} - {-1}:
            rd = reads(self.policy.rules[r].condition)
            mine = rows[rule[rows] == r]
            if all(x.always for x in rd):
                bits[mine] = (1 << len(rd)) - 1
            else:
                table = explaining(self.policy.rules[r].condition, BatchFrame(batch, session), mine)
                bits[mine] = table @ (1 << np.arange(len(rd), dtype=object))
        everything = {d: ALL for d in self.text_dets}
        cache: dict[tuple[int, int, int], str] = {}
        out = [""] * len(tid)
        for i in rows.tolist():
            key = (int(rule[i]), int(tid[i]), int(bits[i]))
            if key not in cache:
                if key[0] >= 0:
                    rd = reads(self.policy.rules[key[0]].condition)
                    read = masks(rd, [key[2] >> j & 1 for j in range(len(rd))])
                    wanted = {d: read[d] for d in self.text_dets if d in read}
                else:
                    wanted = everything
                found = text_evidence(
                    self.policy.detectors,
                    wanted,
                    lambda d, t=key[1]: session.text_cache[d].hits.get(t, []),
                )
                terms = dict.fromkeys(
                    h.brief()  # the term, and where it stood in the message as written
                    for _d, hits in found
                    for h in hits
                )
                cache[key] = "; ".join(list(terms)[:4])
            out[i] = cache[key]
        return out

    def _tally(self, texts, y, flagged, decided, alone, rule_names, evidence, distinct) -> None:
        res = self.result
        res.messages += len(texts)
        res.positives += int(y.sum())
        res.negatives += int((~y).sum())
        res.distinct_texts += distinct
        res.overall.add(flagged, y)
        for j, r in enumerate(res.rules):
            r.decided.add(decided[:, j], y)
            r.alone.add(alone[:, j], y)
        for mask, counter in ((flagged & ~y, self._fp), (~flagged & y, self._fn)):
            for i in np.flatnonzero(mask).tolist():
                t = texts[i]
                counter[t] += 1
                if t not in self._why:
                    self._why[t] = (rule_names[i], evidence[i])
            if len(counter) > _TOP_KEEP:  # bounded memory: keep the most frequent half
                kept = dict(counter.most_common(_TOP_KEEP // 2))
                counter.clear()
                counter.update(kept)
                self._why = {t: w for t, w in self._why.items() if t in self._fp or t in self._fn}

    def finish(self, seconds: float) -> Evaluation:
        res = self.result
        res.seconds = seconds
        res.wrongly_hit = [Example(t, c, *self._why[t]) for t, c in self._fp.most_common(self.top)]
        res.missed = [Example(t, c, *self._why[t]) for t, c in self._fn.most_common(self.top)]
        return res


def evaluate_chunks(
    policy: CompiledPolicy,
    chunks: Iterable[Chunk],
    *,
    corpus: str = "",
    day: int | None = None,
    top: int = 10,
    on_chunk: Callable[[ChunkDecisions], None] | None = None,
    channel: str = "moments",
    signals: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Evaluation:
    """Evaluate ``policy`` over chunks of labelled messages, each a new post in ``channel``
    by an author with ``signals`` (the keys of ``policy.explain``'s author: ``kind``,
    ``age_days``, ``friends``, ``posts_today``, ``strikes``; by default a personal account a
    year old with 100 friends, 1 post today and no strikes); ``on_chunk`` sees each chunk's
    per-message decisions (to write them out) and is not kept. Raises ``ValueError`` for a
    channel that is not moments, chat or group, or an author signal out of range (named by
    ``labels``, signal -> how the caller spells it, e.g. ``--age-days``)."""
    ev = Evaluator(
        policy, day=day, top=top, corpus=corpus, channel=channel, signals=signals, labels=labels
    )
    t0 = time.perf_counter()
    for chunk in chunks:
        dec = ev.add(chunk)
        if on_chunk is not None:
            on_chunk(dec)
    return ev.finish(time.perf_counter() - t0)


def evaluate(
    policy: CompiledPolicy,
    corpus: str | Path,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    mapping: Mapping[str, str] | None = None,
    chunksize: int = 50_000,
    day: int | None = None,
    top: int = 10,
    on_chunk: Callable[[ChunkDecisions], None] | None = None,
    channel: str = "moments",
    signals: Mapping[str, Any] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Evaluation:
    """Stream ``corpus`` through ``policy``; raises :class:`policy.corpus.CorpusError`.

    ``mapping``: each label's target (None: ``policy.corpus.DEFAULT_MAP``); a label of a
    mapping given that no message has is a ``CorpusError`` (a typo, not a label to skip).
    ``signals``, ``labels``, ``channel``: as :func:`evaluate_chunks`.
    """
    chunks = read_corpus(
        corpus,
        text_column,
        label_column,
        mapping,
        chunksize=chunksize,
        every_label=mapping is not None,
    )
    return evaluate_chunks(
        policy,
        chunks,
        corpus=str(corpus),
        day=day,
        top=top,
        on_chunk=on_chunk,
        channel=channel,
        signals=signals,
        labels=labels,
    )


# -- output ---------------------------------------------------------------------------
def _pct(x: float) -> str:
    return "—" if x != x else f"{100 * x:.1f}%"


def rate(num: int, den: int) -> str:
    """``num / den`` as a percentage followed by its count, ``"0.02% (1/4,291)"``; ``"—"``
    with no denominator. One decimal, more where one would read a count above 0 as 0.0%
    or a count below ``den`` as 100.0% (at most four)."""
    if not den:
        return f"— (0/{den})"
    x = 100 * num / den
    places = 1
    while places < 4 and (
        (num and round(x, places) == 0) or (num < den and round(x, places) == 100)
    ):
        places += 1
    return f"{x:.{places}f}% ({num:,}/{den:,})"


def rule_rows(ev: Evaluation) -> list[list[str]]:
    """The per-rule table (shared by the text report, the HTML page and the GUI)."""
    rows = []
    for r in ev.rules:
        d, a = r.decided, r.alone
        name = r.name + (" (shadow)" if r.shadow else "") + ("" if r.text_only else " *")
        name += f" {NEVER_MARK}" if r.never else ""
        name += f" {UNREVIEWED_MARK}" if r.unreviewed else ""
        rows.append(
            [
                name,
                r.action,
                f"{d.hits:,}",
                f"{d.tp:,}",
                f"{d.fp:,}",
                *(_rates(d) if r.acts else [NOT_RATED] * 4),
                f"{a.hits:,}",
                *([rate(a.tp, a.hits), rate(a.tp, a.tp + a.fn)] if r.acts else [NOT_RATED] * 2),
            ]
        )
    o = ev.overall
    rows.append(
        ["(policy)", "any action", f"{o.hits:,}", f"{o.tp:,}", f"{o.fp:,}", *_rates(o), "", "", ""]
    )
    return rows


def _rates(s: Scores) -> list[str]:
    """Precision (of the hits), recall (of the spam), F1, FP rate (of the ham)."""
    return [
        rate(s.tp, s.hits),
        rate(s.tp, s.tp + s.fn),
        _pct(s.f1),
        rate(s.fp, s.fp + s.tn),
    ]


RATES_NOTE = (
    "Counts are messages, each occurrence of a repeated message counted. precision: spam "
    "hit / hits; recall: spam hit / spam messages; FP rate: ham hit / ham messages; each "
    "with its count (numerator/denominator). F1: harmonic mean of precision and recall "
    "(— when either is)."
)

NOT_RATED = "—"  # a rate that does not describe the rule (an allow rule's)
ALLOW_NOTE = (
    "An allow rule actions nothing: its spam hits are spam it let through and its ham "
    "hits ham it spared, so it has no precision, recall, F1 or FP rate (—)."
)


def allow_note(ev: Evaluation) -> str:
    """:data:`ALLOW_NOTE` when the policy has an ``allow`` rule, else ``""``."""
    return ALLOW_NOTE if any(r.action == "allow" for r in ev.rules) else ""


RULE_HEADER = [
    "rule",
    "action",
    "hits",
    "spam hit",
    "ham hit",
    "precision",
    "recall",
    "F1",
    "FP rate",
    "alone: hits",
    "alone: precision",
    "alone: recall",
]


def _table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to the width the terminal shows (a hanzi takes two cells)."""
    w = [max(cell_len(h), *(cell_len(r[i]) for r in rows)) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(  # noqa: E731
        c + " " * (w[i] - cell_len(c)) for i, c in enumerate(cells)
    ).rstrip()
    return "\n".join([line(header), line(["-" * x for x in w]), *map(line, rows)])


def unseen_note(ev: Evaluation) -> str:
    """Why nothing was decided when the policy does not scan the messages' channel."""
    if ev.seen:
        return ""
    if not ev.scanned:  # scan: [] (a policy that acts on reported posts only)
        return (
            "not seen: the policy scans no channel (scan: []), so no message reaches it "
            "at upload and every one is allowed, as in a run: only reported posts reach "
            "it, and a corpus has no reports"
        )
    return (
        f"not seen: the policy does not scan {ev.channel} (it scans "
        f"{', '.join(ev.scanned)}), so no message posted there reaches it at upload and "
        f"every one is allowed, as in a run; evaluate with --channel {ev.scanned[0]}"
    )


def rules_not_in_force(policy: CompiledPolicy, day: int) -> list[tuple[str, int | None]]:
    """(name, next day in force or None) of each rule the schedule leaves out on ``day``,
    in file order."""
    active = policy.active(day)
    later = sorted({ph.from_day for ph in policy.phases if ph.from_day > day})
    out = []
    for r in policy.rules:
        if active[r.index]:
            continue
        when = next((d for d in later if policy.active(d)[r.index]), None)
        out.append((r.name, when))
    return out


def not_in_force_note(ev: Evaluation) -> str:
    """Which rules are not in force on the evaluated day (as ``policy explain --day``
    marks them), from which day they are, and the day to evaluate instead; ``""`` when
    every rule is in force."""
    if not ev.not_in_force:
        return ""
    parts = [
        f"'{name}' (in force from day {d})"
        if d is not None
        else f"'{name}' (not in force on day {ev.day} or later)"
        for name, d in ev.not_in_force
    ]
    text = (
        f"not in force on day {ev.day}: rule{'s' if len(parts) > 1 else ''} "
        f"{', '.join(parts)}; as in a run on that day, "
        f"{'they decide' if len(parts) > 1 else 'it decides'} nothing here"
    )
    days = [d for _name, d in ev.not_in_force if d is not None]
    if days:
        text += f"; evaluate with --day {min(days)} to measure {'it' if len(days) == 1 else 'them'}"
        if len(set(days)) > 1:
            text += " (the first day one is in force)"
    return text


UNREVIEWED_MARK = "‡"


def unreviewed_notes(ev: Evaluation) -> list[str]:
    """One line per review rule that nothing reviews (marked ``‡`` in the table): its posts
    stay up as if allowed, so it actions nothing here either."""
    return [
        f"{UNREVIEWED_MARK} '{r.name}' sends posts to review, but nothing reviews them: the "
        "policy has no enforcement.review section, so they stay up as if allowed (as in a "
        "run, policy check and policy explain); its hits are not counted as actioned and "
        "it has no precision, recall, F1 or FP rate (—)"
        + (
            "; under first_match the rules after it do not see them either"
            if ev.semantics == "first_match" and len(ev.rules) > 1
            else ""
        )
        for r in ev.rules
        if r.unreviewed
    ]


NEVER_MARK = "†"
AUTHOR_OPTIONS_NOTE = (
    "  (the author is set with --kind, --age-days, --friends, --posts-today and --strikes, "
    "as for policy explain; a corpus message is a new post at 12:00 with no image and no "
    "reports)"
)


def author_line(ev: Evaluation) -> str:
    """``each message posted by a personal account aged 365 days with …``."""
    return f"each message posted by {ev.author.describe()}"


def never_note(ev: Evaluation, r: RuleResult) -> str:
    """Why ``r`` fires on no message by the evaluated author (``"…: scoped to official
    accounts"``), marked ``†`` in the table; ``""`` when some text could fire it."""
    if not r.never:
        return ""
    return f"{NEVER_MARK} '{r.name}' never fires for {ev.author.describe()}: " + "; ".join(r.never)


def rule_notes(ev: Evaluation) -> list[str]:
    """The notes of the rules marked in the table beyond ``*``: ``†`` (never fires for the
    author evaluated), ``‡`` (nothing reviews it), one a line."""
    never = [never_note(ev, r) for r in ev.rules if r.never]
    if never:
        never.append(AUTHOR_OPTIONS_NOTE)
    return never + unreviewed_notes(ev)


def blank_note(ev: Evaluation) -> str:
    """``"; 3 blank lines skipped"`` when the corpus file had blank lines, else ``""``."""
    n = ev.blank_lines
    return f"; {n:,} blank {'line' if n == 1 else 'lines'} skipped" if n else ""


def _deciding(ev: Evaluation, rule: str) -> str:
    """How an example names the rule that decided it, with the table's mark for one whose
    decision was no action (``‡``: nothing reviews it)."""
    if not rule:
        return "no rule acted; hits"
    marked = any(r.name == rule and r.unreviewed for r in ev.rules)
    return f"{rule} {UNREVIEWED_MARK}" if marked else rule


NOT_LISTED = "not listed (--top 0)"  # no examples asked for; there may be some


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_report(ev: Evaluation) -> str:
    """A plain-text report for the terminal."""
    o = ev.overall
    out = [
        f"{ev.policy} on {ev.corpus} (day {ev.day}, {ev.channel}): {ev.messages:,} messages "
        f"({ev.positives:,} spam, {ev.negatives:,} ham, {ev.ignored:,} ignored), "
        f"{ev.throughput:,.0f} messages/s{blank_note(ev)}",
        *([unseen_note(ev)] if not ev.seen else []),
        *([not_in_force_note(ev)] if ev.not_in_force else []),
        author_line(ev),
        "",
        _table(RULE_HEADER, rule_rows(ev)),
        "",
        " ".join(filter(None, [RATES_NOTE, allow_note(ev)])),
        "",
        "confusion matrix (messages; rows: truth, columns: decision)",
        _table(
            ["", "allowed", "actioned"],
            [["ham", f"{o.tn:,}", f"{o.fp:,}"], ["spam", f"{o.fn:,}", f"{o.tp:,}"]],
        ),
    ]
    if ev.not_text:
        out += [
            "",
            f"* reads {', '.join(ev.not_text)}: forced to 'not fired' (a corpus has "
            "no perception or reports); only text rules are measured",
        ]
    if rule_notes(ev):
        out += ["", *rule_notes(ev)]
    for title, items in (
        ("most often wrongly hit (ham actioned)", ev.wrongly_hit),
        ("most often missed (spam allowed)", ev.missed),
    ):
        out += ["", title]
        if not ev.top:  # none asked for: that is not "none found"
            out.append(f"  {NOT_LISTED}")
            continue
        out += [
            f"  {e.count}×  {_short(e.text)!r}"
            + (f"\n       {_deciding(ev, e.rule)}: {e.evidence}" if e.evidence else "")
            for e in items
        ] or ["  (none)"]
    return "\n".join(out)


class DecisionCSV:
    """Per-message decisions, written chunk by chunk (``on_chunk`` of :func:`evaluate`)."""

    def __init__(self, path: Path, rule_names: Iterable[str]) -> None:
        self.file = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.file)
        self.rules = list(rule_names)
        self.writer.writerow(
            ["row", "label", "spam", "flagged", "action", "rule", "evidence", "rules_fired", "text"]
        )

    def __call__(self, d: ChunkDecisions) -> None:
        fired = [";".join(self.rules[j] for j in np.flatnonzero(row).tolist()) for row in d.decided]
        self.writer.writerows(
            zip(
                d.rows.tolist(),
                d.labels,
                d.y.astype(int).tolist(),
                d.flagged.astype(int).tolist(),
                d.action,
                d.rule,
                d.evidence,
                fired,
                d.texts,
                strict=True,
            )
        )

    def close(self) -> None:
        self.file.close()


def write_html(ev: Evaluation, path: Path) -> None:
    """A self-contained page with the tables; every corpus text is HTML-escaped."""

    def table(header: list[str], rows: list[list[str]]) -> str:
        head = "".join(f"<th>{escape(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    o = ev.overall

    def ex(items: list) -> str:
        if not ev.top:
            return f"<p>{escape(NOT_LISTED)}</p>"
        return table(
            ["count", "text", "rule", "matched (normalised)"],
            [[str(e.count), e.text, e.rule and _deciding(ev, e.rule), e.evidence] for e in items],
        )

    html = f"""<!doctype html><meta charset="utf-8"><title>{escape(ev.policy)} — evaluation</title>
<style>body{{font:14px sans-serif;margin:2em}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}}</style>
<h1>{escape(ev.policy)}</h1>
<p>Corpus {escape(ev.corpus)}, day {ev.day}, posted in {ev.channel}: {ev.messages:,} messages
({ev.positives:,} spam, {ev.negatives:,} ham, {ev.ignored:,} ignored); {ev.throughput:,.0f}
messages/s{escape(blank_note(ev))}; {escape(author_line(ev))}.</p>{
        f"<p><strong>{escape(unseen_note(ev))}</strong></p>" if not ev.seen else ""
    }{f"<p><strong>{escape(not_in_force_note(ev))}</strong></p>" if ev.not_in_force else ""}
<h2>Rules</h2>{table(RULE_HEADER, rule_rows(ev))}
<p>"hits" count what each rule decided in the policy's order; "alone" counts every message
its condition matches, as if it were the only rule. {escape(RATES_NOTE)} {
        escape(allow_note(ev))
    }</p>{"".join(f"<p>{escape(n)}</p>" for n in rule_notes(ev))}
<h2>Confusion matrix</h2>{
        table(
            ["truth", "allowed", "actioned"],
            [["ham", str(o.tn), str(o.fp)], ["spam", str(o.fn), str(o.tp)]],
        )
    }
<h2>Most often wrongly hit</h2>{ex(ev.wrongly_hit)}
<h2>Most often missed</h2>{ex(ev.missed)}
"""
    path.write_text(html, encoding="utf-8")
