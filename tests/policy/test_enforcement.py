"""Strike ladder and decay over days, human review, appeals, schedules."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy import load_policy_text
from policy.interface import AccountAction, Announcement, PostAction, Stage
from policy.schedule import load_schedule
from tests.policy.helpers import World, context

KW = """
name: t
detectors:
  kw: {type: keywords, terms: {tobacco: [vape]}}
"""


def ladder_policy(window: int = 10, half_life: str = "null") -> str:
    return (
        KW
        + f"""
rules:
  - {{name: r, when: {{hit: kw}}, action: remove, strikes: 1}}
enforcement:
  strikes:
    window_days: {window}
    half_life_days: {half_life}
    ladder:
      - {{at: 1, action: warn}}
      - {{at: 2, action: restrict, days: 5}}
      - {{at: 3, action: ban}}
"""
    )


def account_actions(policy_text: str, days_with_offence: list[int], author: int = 1):
    p = load_policy_text(policy_text)
    s = p.start(context())
    w = World(["vape"])
    out = {}
    for d in days_with_offence:
        res = s.decide(w.batch(d, [0], authors=author))
        out[d] = res.accounts.action.tolist()
    return out


def test_window_drops_old_strikes():
    # offences on days 0, 20, 40 with a 10-day window: each is a first strike again
    got = account_actions(ladder_policy(window=10), [0, 20, 40])
    assert got == {0: [AccountAction.WARN], 20: [AccountAction.WARN], 40: [AccountAction.WARN]}


def test_strikes_within_window_climb_the_ladder():
    got = account_actions(ladder_policy(window=10), [0, 5, 9])
    assert got == {0: [AccountAction.WARN], 5: [AccountAction.RESTRICT], 9: [AccountAction.BAN]}


def test_half_life_decay_slows_the_ladder():
    # With a 2-day half-life, a strike from 6 days ago weighs 1/8: the account hovers
    # just above 1 strike, is warned again each time and never restricted.
    got = account_actions(ladder_policy(window=60, half_life="2"), [0, 6, 12])
    assert got == {0: [AccountAction.WARN], 6: [AccountAction.WARN], 12: [AccountAction.WARN]}
    # Without decay the same offences end in a ban.
    got = account_actions(ladder_policy(window=60), [0, 6, 12])
    assert got[12] == [AccountAction.BAN]


def test_decayed_strikes_can_cross_a_threshold_again():
    # half-life 1 day: after 10 days the strike is ~0, so the next one warns again
    got = account_actions(ladder_policy(window=60, half_life="1"), [0, 10])
    assert got == {0: [AccountAction.WARN], 10: [AccountAction.WARN]}


def test_several_strikes_in_one_day_emit_each_step_in_hour_order():
    p = load_policy_text(ladder_policy())
    s = p.start(context())
    out = s.decide(World().batch(0, ["vape"] * 4, authors=[1] * 4, hour=[1, 2, 3, 4]))
    assert out.accounts.action.tolist() == [
        AccountAction.WARN,
        AccountAction.RESTRICT,
        AccountAction.BAN,
    ]
    assert out.accounts.at_hour.tolist() == [1.0, 2.0, 3.0]
    assert out.accounts.until_day.tolist() == [-1, 5, -1]
    assert "strike ladder" in out.accounts.reason[2]


def test_strikes_signal_decays_too():
    p = load_policy_text(ladder_policy(window=60, half_life="10"))
    s = p.start(context())
    s.decide(World(["vape"]).batch(0, [0], authors=1))
    assert s.strikes_of(np.array([1]), 10)[0] == pytest.approx(0.5)
    assert s.strikes_of(np.array([1]), 61)[0] == 0.0  # outside the window


REVIEW_TAIL = """
rules:
  - {{name: r, when: {{hit: kw}}, action: review, strikes: 1}}
enforcement:
  review: {{capacity_per_day: {cap}, delay_hours: {delay}, accuracy: {acc}}}
  strikes:
    window_days: 30
    ladder: [{{at: 1, action: warn}}]
"""


def review_yaml(**kw) -> str:
    return KW + REVIEW_TAIL.format(**kw)


def test_review_capacity_backlog_and_time_to_removal():
    p = load_policy_text(review_yaml(cap=2, delay=6, acc=1.0))
    s = p.start(context())
    w = World(["vape"])
    out = s.decide(w.batch(0, [0] * 5, truth=["offer"] * 5, hour=[0, 1, 2, 3, 4]))
    # queued at upload: REVIEW rows at 0h, content stays visible
    assert (out.posts.action[out.posts.stage == Stage.UPLOAD] == PostAction.REVIEW).all()
    removed = out.posts.stage == Stage.REVIEW
    assert out.reviewed == 2 and out.review_backlog == 3
    assert out.posts.post_id[removed].tolist() == [0, 1]  # FIFO
    # ready 6h after posting; the second reviewer slot is at 12:00
    assert out.posts.at_hours[removed].tolist() == [6.0, 11.0]
    assert out.review_hours == pytest.approx(2 * 2 / 60)
    out = s.decide(w.batch(1, []))
    assert out.reviewed == 2 and out.review_backlog == 1
    # capacity is spread over the day: slots at 00:00 and 12:00 of day 1
    # post 2 (posted 02:00 day 0) → 22h; post 3 (03:00) → 33h
    assert out.posts.at_hours.tolist() == [22.0, 33.0]
    out = s.decide(w.batch(2, []))
    assert out.reviewed == 1 and out.review_backlog == 0
    assert out.posts.action.tolist() == [PostAction.REMOVE]
    # strikes are given when the reviewer confirms
    assert out.accounts.action.tolist() == [AccountAction.WARN]


def test_review_delay_carries_items_to_the_next_day():
    p = load_policy_text(review_yaml(cap=100, delay=12, acc=1.0))
    s = p.start(context())
    w = World(["vape"])
    out = s.decide(w.batch(0, [0, 0], truth=["offer"] * 2, hour=[6.0, 20.0]))
    assert out.reviewed == 1 and out.review_backlog == 1  # 20:00 + 12h is tomorrow
    out = s.decide(w.batch(1, []))
    assert out.posts.at_hours.tolist() == [12.0]


def test_zero_capacity_backlog_grows():
    p = load_policy_text(review_yaml(cap=0, delay=0, acc=1.0))
    s = p.start(context())
    w = World(["vape"])
    backlog = [s.decide(w.batch(d, [0] * 3, truth=["offer"] * 3)).review_backlog for d in range(3)]
    assert backlog == [3, 6, 9]


def test_reviewers_accuracy_and_rejections():
    p = load_policy_text(review_yaml(cap=100000, delay=0, acc=0.9))
    s = p.start(context(2))
    n = 5000
    out = s.decide(World(["vape"]).batch(0, [0] * n, truth=["life"] * n, authors=np.arange(n)))
    reviewed = out.posts.stage == Stage.REVIEW
    removed = (out.posts.action[reviewed] == PostAction.REMOVE).mean()
    assert 0.08 < removed < 0.12  # 10% of innocent posts wrongly removed
    assert (
        "rejected"
        in out.posts.evidence[
            int(np.flatnonzero(reviewed & (out.posts.action == PostAction.ALLOW))[0])
        ]
    )


def test_review_does_not_queue_the_same_post_twice():
    p = load_policy_text(review_yaml(cap=0, delay=0, acc=1.0))
    s = p.start(context())
    w = World(["vape"])
    s.decide(w.batch(0, [0], post_id=7))
    out = s.decide(w.batch(1, [0], post_id=7, stage=1, posted_day=0, new_reports=1))
    assert len(out.posts) == 0 and out.review_backlog == 1


APPEALS_TAIL = """
rules:
  - {{name: r, when: {{hit: kw}}, action: remove, strikes: 1}}
enforcement:
  strikes:
    window_days: 30
    ladder: [{{at: 1, action: ban}}]
  appeals: {{share_appealed: {share}, overturn_probability: {p_wrong},
            overturn_probability_when_right: {p_right}, delay_days: 2}}
"""


def appeals_yaml(**kw) -> str:
    return KW + APPEALS_TAIL.format(**kw)


def test_appeals_restore_wrongful_removals_and_reinstate_wrongful_bans():
    p = load_policy_text(appeals_yaml(share=1.0, p_wrong=1.0, p_right=0.0))
    s = p.start(context())
    w = World(["vape"])
    # innocent posts that mention vape ("life"), and true offers
    out = s.decide(
        w.batch(0, [0] * 4, truth=["life", "life", "offer", "offer"], authors=[1, 2, 3, 4])
    )
    assert out.appeals == 8  # 4 removals + 4 bans, all appealed
    assert s.decide(w.batch(1, [])).overturned == 0
    out = s.decide(w.batch(2, []))
    assert out.overturned == 4
    restored = out.posts.post_id[out.posts.action == PostAction.RESTORE].tolist()
    assert sorted(restored) == [0, 1]
    assert (out.posts.stage == Stage.APPEAL).all()
    assert out.posts.at_hours.tolist() == pytest.approx([2 * 24 - 1.0, 2 * 24 - 1.0 - 19 / 3])
    assert sorted(
        out.accounts.account[out.accounts.action == AccountAction.REINSTATE].tolist()
    ) == [1, 2]
    # the reinstated account starts clean: its next offence bans again, as a first strike
    assert s.strikes_of(np.array([1, 3]), 3).tolist() == [0.0, 1.0]


def test_appeal_share_and_overturn_probability():
    p = load_policy_text(appeals_yaml(share=0.5, p_wrong=0.5, p_right=0.0))
    s = p.start(context(4))
    n = 4000
    out = s.decide(World(["vape"]).batch(0, [0] * n, truth=["life"] * n, authors=np.arange(n)))
    assert 0.45 < out.appeals / (2 * n) < 0.55
    s.decide(World(["vape"]).batch(1, []))
    out2 = s.decide(World(["vape"]).batch(2, []))
    assert 0.45 < out2.overturned / out.appeals < 0.55


def test_right_actions_are_not_overturned_by_default():
    p = load_policy_text(appeals_yaml(share=1.0, p_wrong=1.0, p_right=0.0))
    s = p.start(context())
    s.decide(World(["vape"]).batch(0, [0] * 10, truth=["offer"] * 10, authors=np.arange(10)))
    s.decide(World().batch(1, []))
    assert s.decide(World().batch(2, [])).overturned == 0


SCHEDULE = (
    KW
    + """
rules:
  - {name: label, when: {hit: kw}, action: label}
  - {name: remove, when: {hit: kw}, action: remove}
schedule:
  - {from_day: 0, rules: none}
  - {from_day: 10, rules: [label]}
  - from_day: 20
    rules: [remove]
    announce: {risk_multiplier: 2.5, categories: [tobacco]}
announcements:
  - {day: 15, risk_multiplier: 1.5}
"""
)


def test_schedule_switches_rules_by_day():
    p = load_policy_text(SCHEDULE)
    s = p.start(context())
    w = World(["vape"])
    got = {d: s.decide(w.batch(d, [0])).posts.action.tolist() for d in (0, 9, 10, 19, 20, 50)}
    assert got == {
        0: [],
        9: [],
        10: [PostAction.LABEL],
        19: [PostAction.LABEL],
        20: [PostAction.REMOVE],
        50: [PostAction.REMOVE],
    }


def test_announcements_from_list_and_schedule():
    p = load_policy_text(SCHEDULE)
    assert p.announcements() == (Announcement(15, 1.5, ()), Announcement(20, 2.5, ("tobacco",)))


@pytest.mark.parametrize(
    "phases, day",
    [
        ("  - {from_day: 30}\n", 30),  # the first phase starts late
        ("  - {from_day: 0, rules: none}\n  - {from_day: 30, rules: all}\n", 30),
        ("  - {from_day: 0, rules: []}\n  - {from_day: 21, rules: [remove]}\n", 21),
        ("  - {from_day: 5, rules: [label]}\n  - {from_day: 21, rules: all}\n", 5),
        ("  - {from_day: 12, rules: none}\n", 12),  # no phase acts: its first phase
    ],
)
def test_an_announcement_without_a_day_is_made_when_the_schedule_first_acts(phases, day):
    """It was made on day 0: sellers heard of a crackdown weeks before it came."""
    text = (
        KW + "rules:\n  - {name: label, when: {hit: kw}, action: label}\n"
        "  - {name: remove, when: {hit: kw}, action: remove}\n"
        "announcements:\n  - {risk_multiplier: 3.0, categories: [tobacco]}\n"
        "schedule:\n" + phases
    )
    p = load_policy_text(text)
    assert p.announcements() == (Announcement(day, 3.0, ("tobacco",)),)
    assert load_schedule(text).announcements() == p.announcements()  # a stored run's marks


def test_review_queue_keeps_working_when_a_phase_ends():
    text = (
        review_yaml(cap=1, delay=0, acc=1.0) + "schedule:\n  - {from_day: 0}\n"
        "  - {from_day: 1, rules: none}\n"
    )
    p = load_policy_text(text)
    s = p.start(context())
    w = World(["vape"])
    s.decide(w.batch(0, [0, 0], truth=["offer"] * 2))
    out = s.decide(w.batch(1, [0]))
    assert out.reviewed == 1 and out.posts.action.tolist() == [PostAction.REMOVE]


@settings(max_examples=60, deadline=None)
@given(
    events=st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 12), st.floats(0.1, 3.0)), max_size=60
    ),
    asked=st.lists(st.integers(-3, 50), max_size=10),
    day=st.integers(0, 14),
    half_life=st.sampled_from([None, 3.0]),
    offset=st.sampled_from([0, -20, 2_000_000_000]),
)
def test_current_strikes_sum_each_accounts_events_in_the_books_order(
    events, asked, day, half_life, offset
):
    """An account's strikes on a day are its earlier events' weights (decayed, within the
    window) added up in the order the book holds them: the same bits as a plain loop, for
    the engine's small ids and for ids far apart or negative (``offset``), which the
    policy library accepts on its own (one array per id would not fit)."""
    from policy.enforcement import StrikeBook
    from policy.model import StrikeSettings

    book = StrikeBook(StrikeSettings(window_days=7, half_life_days=half_life, ladder=[]))
    if events:
        book.account = np.array([e[0] + offset for e in events], np.int64)
        book.day = np.array([e[1] for e in events], np.int32)
        book.weight = np.array([e[2] for e in events], np.float64)
    w = book._weights_on(day)
    asked = [a + offset for a in asked]
    want = []
    for a in asked:
        total = 0.0
        for i in range(len(events)):
            if book.account[i] == a and book.day[i] < day:
                total += float(w[i])
        want.append(total)
    got = book.current(np.array(asked, np.int64), day)
    assert [float(g).hex() for g in got] == [x.hex() for x in want]
