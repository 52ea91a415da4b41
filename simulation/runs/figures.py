"""Charts of a run's daily metrics, drawn headless with matplotlib (PNG; SVG on request).

Big fonts and thick lines: these charts end up on projectors. Every axis names
its unit, taken from the metric definitions.

Drawn on ``matplotlib.figure.Figure`` with the Agg canvas (no ``pyplot``: no global
figure registry, no backend selection at import) and fixed margins wide enough for
the largest tick labels the metrics produce: a constrained layout measured every
label twice and cost a third of the drawing time. Each chart is drawn once and saved
in every format asked for; PNG is written at zlib level 1 (a few percent larger,
several times faster to encode than the default level 6). The title's place is fixed
(``FIXED_TITLE``) rather than found by measuring the tick labels.
"""

from __future__ import annotations

import dataclasses
import math
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, ScaledTranslation, blended_transform_factory

from simulation.metrics import BY_NAME
from simulation.metrics.registry import ratio_columns
from simulation.runs import mark_places
from simulation.runs.colours import colour

# the app's live charts are defined without matplotlib; handouts draw them here
from simulation.runs.live_charts import LIVE_CHARTS, SHARE_UNITS, LiveChart, live_series  # noqa: F401
from simulation.runs.report_words import Words
from simulation.runs.report_words import text as _t

matplotlib.rcParams.update(
    {
        "font.size": 12,
        "axes.titlesize": 15,
        "axes.labelsize": 13,
        "legend.fontsize": 11,
        "lines.linewidth": 2.2,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.dpi": 100,
        # titles and legends carry user text (policy names, study labels): a "$" is a
        # dollar sign, never the start of mathtext
        "text.parse_math": False,
    }
)


def smooth(series: pd.Series, days: int = 7) -> pd.Series:
    return series.rolling(days, min_periods=1).mean()


def _categories(m: pd.DataFrame, prefix: str) -> list[str]:
    return [c.split(".", 1)[1] for c in m.columns if c.startswith(prefix + ".")]


DAY = _t("day")
# every text drawn on a report's charts (translated: simulation.runs.report_words)
T_RESTRICTED_OFFER_VOLUME_BY_CATEGORY_7 = _t("Restricted-offer volume by category (7-day mean)")
T_REACH_OF_RESTRICTED_OFFERS_IN_THE = _t(
    "Reach of restricted offers in the Moments feed (7-day mean)"
)
T_SPAM_POSTED = _t("spam posted")
T_SPAM_REMOVED = _t("spam removed")
T_SPAM_VOLUME_7_DAY_MEAN = _t("Spam volume (7-day mean)")
T_ADS_SPAM_OFFERS_ADVERTISING_CIRCLE_INDEX = _t("ads + spam + offers (Advertising Circle index)")
T_SPAM_OFFERS_PREVALENCE = _t("spam + offers (prevalence)")
T_SHARE_OF_THE_FEED_THAT_IS = _t("Share of the feed that is advertising")
T_CORRECT_BANS = _t("correct bans")
T_WRONGFUL_BANS = _t("wrongful bans")
T_BANS_CUMULATIVE_CORRECT_VS_WRONGFUL = _t("Bans, cumulative: correct vs wrongful")
T_OBFUSCATED = _t("obfuscated")
T_SHARE_OF_OFFERS_WRITTEN_TO_EVADE = _t(
    "Share of offers written to evade filters (trailing 7 days)"
)
T_PRECISION = _t("precision")
T_SAME_DAY_RECALL = _t("same-day recall")
T_MODERATION_PRECISION_AND_SAME_DAY_RECALL = _t(
    "Moderation precision and same-day recall (trailing 7 days)"
)
T_SPAMMERS = _t("spammers")
T_ACTIVE_SELLERS_AND_SPAMMERS = _t("Active sellers and spammers")
T_FROM_OFFICIAL_ACCOUNTS = _t("from official accounts")
T_HARM_RESTRICTED_UNITS_SOLD_BY_CHANNEL = _t("Harm: restricted units sold, by channel (7-day mean)")
ENGLISH = Words()


def _finish(ax, title: str, metric: str, w: Words = ENGLISH) -> None:
    ax.set_title(w(title))
    ax.set_xlabel(w(DAY))
    ax.set_ylabel(w.unit(BY_NAME[metric].unit))
    ax.margins(x=0)
    ax.set_ylim(bottom=0)


def _legend_on_top(ax) -> None:
    """The legend in the upper right corner, over a band at the top of the axes that no
    line reaches: the lines may end anywhere (no corner is free by itself), so the y axis
    goes up to the highest point drawn over one minus the legend's share of the height
    (a tenth a row, two columns from four entries)."""
    entries = len(ax.get_legend_handles_labels()[0])
    ncol = 2 if entries > 3 else 1
    free = min(0.5, 0.05 + 0.1 * -(-entries // ncol))
    top = ax.dataLim.y1  # the highest point drawn (-inf with nothing drawn)
    ax.set_ylim(0, (top if math.isfinite(top) and top > 0 else 1.0) / (1.0 - free))
    ax.legend(loc="upper right", ncol=ncol)


def offers_by_category(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    for i, cat in enumerate(_categories(m, "offers_created")):
        column = f"offers_created.{cat}"
        ax.plot(m["day"], smooth(m[column]), color=colour(column, i), label=w.legend(cat))
    _legend_on_top(ax)
    _finish(ax, T_RESTRICTED_OFFER_VOLUME_BY_CATEGORY_7, "offers_created", w)


def offer_reach(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    for i, cat in enumerate(_categories(m, "offer_impressions")):
        column = f"offer_impressions.{cat}"
        ax.plot(m["day"], smooth(m[column]), color=colour(column, i), label=w.legend(cat))
    _legend_on_top(ax)
    _finish(
        ax,
        T_REACH_OF_RESTRICTED_OFFERS_IN_THE,
        "offer_impressions",
        w,
    )


def spam(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    for column, label in (
        ("posts_created.spam", T_SPAM_POSTED),
        ("posts_removed.spam", T_SPAM_REMOVED),
    ):
        ax.plot(m["day"], smooth(m[column]), color=colour(column), label=w(label))
    _legend_on_top(ax)
    _finish(ax, T_SPAM_VOLUME_7_DAY_MEAN, "posts_created", w)


def ad_share(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    ax.plot(
        m["day"],
        m["ad_share"],
        color=colour("ad_share"),
        label=w(T_ADS_SPAM_OFFERS_ADVERTISING_CIRCLE_INDEX),
    )
    ax.plot(
        m["day"], m["prevalence"], color=colour("prevalence"), label=w(T_SPAM_OFFERS_PREVALENCE)
    )
    ax.legend(loc="upper left")
    _finish(ax, T_SHARE_OF_THE_FEED_THAT_IS, "ad_share", w)
    ax.set_ylim(0, 1)


def bans(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    """Cumulative bans as steps (:func:`cumulative`)."""
    for column, label in (("bans.correct", T_CORRECT_BANS), ("bans.wrongful", T_WRONGFUL_BANS)):
        cumulative(ax, m["day"], m[column].cumsum(), colour(column), w(label))
    ax.legend(loc="upper left")
    _finish(ax, T_BANS_CUMULATIVE_CORRECT_VS_WRONGFUL, "bans", w)
    ax.set_ylabel(w.unit("bans"))  # cumulative: a count of bans, not per day


def cumulative(ax, days, totals, color: str, label: str, **style) -> None:
    """A running total (its value on a day: everything up to the end of that day) as
    steps that rise at the day it grew: a line between the points drew the day before's
    total rising towards the day's, so bans made on a policy's first day seemed to begin
    the day before it was in force."""
    ax.step(days, totals, where="post", color=color, label=label, **style)


def evasion(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    share = weekly_ratio(m, "obfuscated_share")
    ax.plot(m["day"], share, color=colour("obfuscated_share"), label=w(T_OBFUSCATED))
    ax.legend(loc="upper left")
    _finish(ax, T_SHARE_OF_OFFERS_WRITTEN_TO_EVADE, "obfuscated_share", w)
    ax.set_ylim(0, 1)


def weekly_ratio(m: pd.DataFrame, metric: str, days: int = 7) -> pd.Series:
    """A registry ratio over a trailing window: total numerator / total denominator."""
    num, den = ratio_columns(BY_NAME[metric])
    top = m[num].sum(axis=1).rolling(days, min_periods=1).sum()
    bottom = m[den].sum(axis=1).rolling(days, min_periods=1).sum()
    return (top / bottom).where(bottom > 0)


def detection(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    ax.plot(
        m["day"],
        weekly_ratio(m, "moderation_precision"),
        color=colour("moderation_precision"),
        label=w(T_PRECISION),
    )
    ax.plot(
        m["day"],
        weekly_ratio(m, "recall_same_day"),
        color=colour("recall_same_day"),
        label=w(T_SAME_DAY_RECALL),
    )
    ax.legend(loc="lower right")
    title = T_MODERATION_PRECISION_AND_SAME_DAY_RECALL
    _finish(ax, title, "moderation_precision", w)
    ax.set_ylim(0, 1.02)


def sellers(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    for i, cat in enumerate(_categories(m, "sellers_active")):
        column = f"sellers_active.{cat}"
        ax.plot(m["day"], m[column], color=colour(column, i), label=w.legend(cat))
    spammers = colour("spammers_active")
    ax.plot(m["day"], m["spammers_active"], color=spammers, linestyle="--", label=w(T_SPAMMERS))
    _legend_on_top(ax)
    _finish(ax, T_ACTIVE_SELLERS_AND_SPAMMERS, "sellers_active", w)


def harm(ax, m: pd.DataFrame, w: Words = ENGLISH) -> None:
    """Restricted units sold, by the channel that sold them: where the selling goes."""
    for i, ch in enumerate(_categories(m, "units_by_channel")):
        column = f"units_by_channel.{ch}"
        ax.plot(m["day"], smooth(m[column]), color=colour(column, i), label=w.legend(ch))
    official = "units_by_account.official"
    ax.plot(m["day"], smooth(m[official]), color=colour(official), linestyle="--")
    ax.lines[-1].set_label(w(T_FROM_OFFICIAL_ACCOUNTS))
    _legend_on_top(ax)
    _finish(ax, T_HARM_RESTRICTED_UNITS_SOLD_BY_CHANNEL, "units_by_channel", w)


# each chart's caption in a report (declared for translation) and how it is drawn
CHARTS: dict[str, tuple[str, Callable]] = {
    "offers_by_category": (_t("Restricted-offer volume by category"), offers_by_category),
    "spam": (_t("Spam volume"), spam),
    "ad_share": (_t("Advertising Circle index"), ad_share),
    "bans": (_t("Bans: correct vs wrongful"), bans),
    "offer_reach": (_t("Reach of restricted offers in the feed"), offer_reach),
    "harm": (_t("Harm: units sold by channel"), harm),
    "evasion": (_t("Evasion"), evasion),
    "detection": (_t("Precision and recall"), detection),
    "sellers": (_t("Active sellers and spammers"), sellers),
}


# ------------------------------------------------------------------ event marks
MARK_CHARS = 24  # a mark's label on a chart is cut here (the page lists them in full)
REPORT_MARK_CHARS = 40  # the same on a report's wider charts
MARK_GID = "event-mark"  # the gid of a mark's line and label (what tests look for)
MARK_FONT_PT = 10  # a mark's label
MARK_OFFSET_PT = 3.0  # between a mark's line and its label
MARK_ROW_GAP_PT = 2.0  # between two rows of labels, and two labels of a row
MARK_BASE_PT = 3.0  # between the top of the axes and the lowest row of labels
MARK_MOST_BAND = 0.4  # the band of labels is at most this share of the axes' height


def draw_marks(
    ax,
    marks: Sequence[tuple[int, str]],
    chars: int = MARK_CHARS,
    colors: Sequence[str] = (),
) -> float:
    """Event marks ``(day, label)`` (``simulation.runs.marks.merged``) on the axes ``ax``
    of a finished chart (its limits, title and legend set): a dotted vertical line on each
    day within the x axis and its label, each of a day's marks (``"; "`` between them in
    ``label``) on lines of its own, at most two of ``chars`` characters (:func:`_fit`).
    ``colors``: each mark's line colour (a chart of several arms draws an arm's own marks
    in its colour; default grey).

    The labels sit in a band above the axes, under the title (moved up by the band's
    height; a figure without a layout engine gives the band the top of its axes), so
    that no label covers a line, a band or the legend: each on the right of its line (on
    its left near the right edge), the labels of close marks in rows
    (``simulation.runs.mark_places``; the band at most ``MARK_MOST_BAND`` of the axes'
    height, the rows of a crowd beyond it laid from the lowest again). A mark's line runs
    from the x axis up to its label and leaves out the legend where it passes it. Lines
    and labels have the gid ``MARK_GID``. Marks outside the x axis are not drawn (they
    would widen it). Returns the band's height in points (0 without a mark drawn)."""
    first, last = ax.get_xlim()
    tints = list(colors) or ["#555555"] * len(marks)
    shown = [
        (day, text, tint)
        for (day, text), tint in zip(marks, tints, strict=True)
        if first <= day <= last
    ]
    if not shown:
        return 0.0
    fig = ax.get_figure(root=True)
    if fig.get_layout_engine() is not None:
        fig.get_layout_engine().execute(fig)  # the axes' final width: labels are measured
    renderer = fig.canvas.get_renderer()
    px = renderer.points_to_pixels(1.0)  # pixels a point
    texts, xs, widths, heights = [], [], [], []
    for day, text, _tint in shown:
        short = "\n".join(line for part in text.split("; ") for line in _fit(part, chars))
        label = ax.text(day, 1.0, short, transform=ax.get_xaxis_transform())
        label.set(fontsize=MARK_FONT_PT, va="bottom", color="#333333", clip_on=False)
        label.set_gid(MARK_GID)
        fit_text(label)  # measured next: in the fonts it is drawn in
        size = label.get_window_extent(renderer)
        texts.append(label)
        xs.append(ax.transData.transform((day, 0))[0])
        widths.append(size.width + MARK_OFFSET_PT * px)
        heights.append(size.height / px)
    slots = mark_places.stack(xs, widths, ax.bbox.x0, ax.bbox.x1, MARK_ROW_GAP_PT * px)
    rows = mark_places.bottoms(slots, heights, MARK_ROW_GAP_PT)
    most = MARK_MOST_BAND * ax.bbox.height / px  # points
    if MARK_BASE_PT + rows[-1] > most:  # rows beyond: from the lowest again (a crowd)
        keep = max(1, sum(MARK_BASE_PT + top <= most for top in rows[1:]))
        slots = [dataclasses.replace(slot, row=slot.row % keep) for slot in slots]
        rows = mark_places.bottoms(slots, heights, MARK_ROW_GAP_PT)
    band = MARK_BASE_PT + rows[-1]  # points
    # y: points above the top of the axes (x: days)
    above = blended_transform_factory(
        ax.transData, Affine2D().scale(1 / 72) + fig.dpi_scale_trans + _top_of(ax)
    )
    # room for the band: the title goes up by its height (and, with fixed margins, the
    # axes give up their top); the legend, placed in the axes, moves with them
    ax.set_title(ax.get_title(), pad=matplotlib.rcParams["axes.titlepad"] + band)
    legend = ax.get_legend()
    if fig.get_layout_engine() is None:
        fig.subplots_adjust(top=fig.subplotpars.top - band * px / fig.bbox.height)
    elif legend is not None:
        fig.get_layout_engine().execute(fig)  # where the legend is, at the axes' new size
    keep_off = None
    if legend is not None:
        box = legend.get_window_extent(renderer).padded(MARK_ROW_GAP_PT * px)
        keep_off = box.transformed(ax.transAxes.inverted())
    for (day, _text, tint), label, slot, height in zip(shown, texts, slots, heights, strict=True):
        bottom = MARK_BASE_PT + rows[slot.row]
        if slot.side == mark_places.LEFT:
            x, dx, align = day, -MARK_OFFSET_PT, "right"
        elif slot.side == mark_places.RIGHT:
            x, dx, align = day, MARK_OFFSET_PT, "left"
        else:  # across its line, inside the axes
            x = ax.transData.inverted().transform((slot.left, 0))[0]
            dx, align = MARK_OFFSET_PT / 2, "left"
        shift = ScaledTranslation(dx / 72, bottom / 72, fig.dpi_scale_trans)
        label.set(x=x, horizontalalignment=align, transform=ax.get_xaxis_transform() + shift)
        # the line: up the axes (leaving out the legend), then above them to its label
        pieces = [(0.0, 1.0)]
        if keep_off is not None and keep_off.x0 <= _axes_x(ax, day) <= keep_off.x1:
            pieces = [(0.0, keep_off.y0), (keep_off.y1, 1.0)]
        for low, high in pieces:
            if high > low:
                ax.axvline(day, low, high, color=tint, linestyle=":", linewidth=1.4)
                ax.lines[-1].set(gid=MARK_GID, zorder=1.5)
        rise = Line2D([day, day], [0.0, bottom + height], transform=above, color=tint)
        rise.set(linestyle=":", linewidth=1.4, gid=MARK_GID, zorder=1.5, clip_on=False)
        ax.add_artist(rise)  # not a line of data: the axes' limits stay as they are
    return band


def _top_of(ax) -> ScaledTranslation:
    """A shift by the axes' top left corner (in pixels, following the axes)."""
    return ScaledTranslation(0, 1, ax.transAxes)


def _axes_x(ax, day: float) -> float:
    """Where ``day`` lies across the axes (0: their left edge, 1: their right)."""
    return float(ax.transAxes.inverted().transform(ax.transData.transform((day, 0)))[0])


def _fit(text: str, chars: int, lines: int = 2) -> list[str]:
    """``text`` in lines of at most ``chars`` characters, broken between words, at most
    ``lines`` of them (the last cut with "…"): "policy in force Keyword filter only" stays
    told apart from "policy in force Keyword filter + review"."""
    wrapped = textwrap.wrap(text, chars, break_long_words=True) or [""]
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], rest[: chars - 1] + "…"]
    return wrapped


SIZE = (10, 5.2)  # inches, at figure.dpi 100: 1000 × 520 pixels
# fixed margins (fractions of the figure): room for six-digit tick labels, the unit
# on the y axis, "day" under the x axis and a one-line title
MARGINS = {"left": 0.095, "right": 0.985, "bottom": 0.105, "top": 0.925}
PNG_OPTIONS = {"pil_kwargs": {"compress_level": 1}}
# The title at the top of the axes (as auto-placement puts it when, as here, nothing is
# drawn above the axes) without measuring every tick label to find out: the same pixels,
# a tenth less drawing time.
FIXED_TITLE = {"axes.titley": 1.0}


def blank() -> Figure:
    """An empty chart: the figure, its Agg canvas and axes, as every chart starts."""
    fig = Figure(figsize=SIZE)
    FigureCanvasAgg(fig)
    fig.subplots_adjust(**MARGINS)
    with matplotlib.rc_context(FIXED_TITLE):
        fig.add_subplot()
    return fig


TICKS = 10  # tick objects made per axis of a blank: what the charts' axes use (6 to 10)


def blanks(cjk: bool = False) -> list[Figure]:
    """One :func:`blank` per chart, each axis already holding ``TICKS`` tick objects and
    its canvas its renderer; its texts (title, axis labels, tick labels) in the fonts of
    :func:`font_families` ``(cjk)``, as :func:`write_charts` would make them (a text made
    before the fonts were chosen keeps the ones it was made with: :func:`fit_fonts`).

    matplotlib makes an axis's ticks (each a few lines and texts) when it is first
    drawn and reuses them in later draws, and a canvas's renderer (its pixel buffer)
    when the marks are measured or the chart is first drawn; made beforehand, while the
    engine runs (``simulation.runs.background``), they leave less to do once the run is
    over. A chart drawn on a blank is the same pixels as one drawn on a new figure
    (tested)."""
    figures = []
    with matplotlib.rc_context({"font.family": font_families(cjk)}):
        for _ in CHARTS:
            fig = blank()
            for axis in (fig.axes[0].xaxis, fig.axes[0].yaxis):
                axis.get_major_ticks(TICKS)
            fig.canvas.get_renderer()
            figures.append(fig)
    return figures


def draw(
    name: str,
    m: pd.DataFrame,
    title_suffix: str = "",
    fig: Figure | None = None,
    marks: Sequence[tuple[int, str]] = (),
    w: Words = ENGLISH,
) -> Figure:
    """Chart ``name`` of the daily metrics ``m`` as a figure (not yet saved), on ``fig``
    (one of :func:`blanks`, not drawn on yet) or a new :func:`blank`, with the run's
    event marks ``(day, label)`` (:func:`draw_marks`)."""
    fig = blank() if fig is None else fig
    ax = fig.axes[0]
    CHARTS[name][1](ax, m, w)
    if title_suffix:
        ax.set_title(f"{ax.get_title()} — {title_suffix}")
    fit_fonts(fig)  # before the marks are measured
    draw_marks(ax, marks, REPORT_MARK_CHARS)
    return fig


# Chinese text needs a CJK font after the Latin one (matplotlib falls back glyph by
# glyph); the project's set-up installs Noto Sans CJK (scripts/debian-packages.txt)
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei")
_HAN = re.compile("[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def font_families(cjk: bool) -> list[str]:
    """matplotlib's ``font.family`` for charts: DejaVu Sans, followed by the installed
    CJK fonts when ``cjk`` (looked up only then: loading them costs drawing time)."""
    if not cjk:
        return ["DejaVu Sans"]
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(f for f in CJK_FONTS if f in names)]


def has_cjk(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds a CJK character (a Chinese policy name in a mark)."""
    return any(_HAN.search(t) for t in texts)


def fit_fonts(fig: Figure) -> int:
    """Give every text of ``fig`` that holds a CJK character and has no CJK font among
    its own the fonts :func:`font_families` ``(True)`` gives; returns how many were given
    them. A text keeps the fonts it was made with (``font.family`` then), not those in
    force when it is drawn: a title or axis label made before the fonts were chosen (a
    figure made beforehand, :func:`blanks`) drew Chinese as empty boxes. Texts without
    CJK are left as they are (their pixels do not change)."""
    return sum(fit_text(text) for text in fig.findobj(Text))


def fit_text(text: Text) -> bool:
    """:func:`fit_fonts` for one text; whether it was given the CJK fonts."""
    if not _HAN.search(text.get_text()) or any(f in CJK_FONTS for f in text.get_fontfamily()):
        return False
    text.set_fontfamily(font_families(True))
    return True


def write_charts(
    m: pd.DataFrame,
    out: Path,
    formats: tuple[str, ...] = ("png",),
    title_suffix: str = "",
    figures: Sequence[Figure] = (),
    marks: Sequence[tuple[int, str]] = (),
    locale: str = "en_US",
) -> list[Path]:
    """Every chart as a file per format (``png``, ``svg``, or any matplotlib writes),
    with the run's event marks ``(day, label)``, its words in ``locale``
    (``simulation.runs.report_words``; CJK fonts for Chinese); each chart is drawn once,
    on the next of ``figures`` (:func:`blanks`, each used once) while they last. Returns
    the paths written."""
    w = Words(locale)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    unused = iter(figures)
    cjk = not w.english or has_cjk([title_suffix, *(text for _day, text in marks)])
    with matplotlib.rc_context({"font.family": font_families(cjk)}):
        for name in CHARTS:
            fig = draw(name, m, title_suffix, next(unused, None), marks, w)
            for fmt in formats:
                path = out / f"{name}.{fmt}"
                fig.savefig(path, format=fmt, **(PNG_OPTIONS if fmt == "png" else {}))
                paths.append(path)
    return paths


# ------------------------------------------------------------------ the app's live charts
EXPORT_DPI = 160  # an exported chart: the report's SIZE at 1600 × 832 pixels


def draw_live(
    key: str,
    m: pd.DataFrame,
    marks: Sequence[tuple[int, str]] = (),
    tr: Callable[[str, str], str] = lambda _context, text: text,
    category_label: Callable[[str], str] = lambda name: name.replace("_", " "),
    last_day: int | None = None,
    size: tuple[float, float] = (8.0, 3.6),
    days: tuple[float, float] | None = None,
) -> Figure:
    """A live chart of daily metrics ``m`` as a matplotlib figure ``size`` inches large:
    the same series as in the app, event marks ``(day, label)`` as labelled vertical lines
    (:func:`draw_marks`), and the legend outside the plot. ``tr(context, text)`` words
    titles, labels and units (the app's translation contexts "Charts" and "Units"); a
    category's series is labelled with ``category_label(name)``. The day axis runs over
    ``days`` (first, last) when given, else from 0 to ``last_day`` (default: the last day
    of ``m``; at least 10); a chart of shares spans 0..1."""
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    spread = LIVE_CHARTS[key].series[0][0].endswith(".*")
    drawn = live_series(key, list(m.columns))
    for i, (column, text) in enumerate(drawn):
        label = category_label(text) if spread else tr("Charts", text)
        # a category's series takes its place among the categories; every other series
        # its own colour, the same as in the run report (simulation.runs.colours)
        ax.plot(m["day"], m[column], color=colour(column, i), label=label)
    if days is None:
        end = last_day if last_day is not None else (int(m["day"].max()) if len(m) else 10)
        days = (0, max(end, 10))
    ax.set_xlim(*days)
    ax.set_ylim(bottom=0)
    ax.set_title(tr("Charts", LIVE_CHARTS[key].title))
    ax.set_xlabel(tr("Units", "day"))
    if drawn:
        unit = BY_NAME[drawn[0][0].split(".")[0]].unit
        ax.set_ylabel(tr("Units", unit))
        if unit in SHARE_UNITS:
            ax.set_ylim(0, max(1.02, ax.get_ylim()[1]))
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0,
        frameon=False,
        labelspacing=0.9,
    )
    fit_fonts(fig)  # before the marks are measured
    draw_marks(ax, marks)
    return fig


def write_live(
    path: Path,
    keys: Sequence[str],
    m: pd.DataFrame,
    marks: Sequence[tuple[int, str]] = (),
    tr: Callable[[str, str], str] = lambda _context, text: text,
    category_label: Callable[[str], str] = lambda name: name.replace("_", " "),
    days: Mapping[str, tuple[float, float]] | None = None,
    cjk: bool = False,
) -> list[Path]:
    """The live charts ``keys`` of daily metrics ``m`` (:func:`draw_live`, with ``marks``,
    ``tr``, ``category_label`` and each chart's ``days[key]`` where given), each in a
    file of its own beside ``path``:
    ``charts.png`` gives ``charts-offers.png``, ``charts-spam.png``, … in the format of
    its suffix (``png``, ``svg``, or any matplotlib writes), at the report's size
    (``SIZE``, ``EXPORT_DPI``) and font sizes; CJK fonts when ``cjk``. Returns the paths
    written, in the order of ``keys``. ``ValueError``: a suffix matplotlib cannot write."""
    fmt = path.suffix.lstrip(".").lower()
    paths = live_paths(path, keys)
    with matplotlib.rc_context({"font.family": font_families(cjk)}):
        for key, out in zip(keys, paths, strict=True):
            shown = (days or {}).get(key)
            fig = draw_live(key, m, marks, tr, category_label, size=SIZE, days=shown)
            options = PNG_OPTIONS if fmt == "png" else {}
            fig.savefig(out, format=fmt, dpi=EXPORT_DPI, **options)
    return paths


def live_paths(path: Path, keys: Sequence[str]) -> list[Path]:
    """The files :func:`write_live` writes for ``path`` and ``keys``: ``charts.png`` and
    ``offers`` give ``charts-offers.png``."""
    return [path.with_name(f"{path.stem}-{key}{path.suffix}") for key in keys]
