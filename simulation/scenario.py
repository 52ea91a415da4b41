"""Scenario files: the world a run simulates, validated with located errors.

Every parameter carries a description and a unit; ``docs/model.md`` is generated
from these fields (``python -m simulation.model_docs``) so the page a teacher reads can
never drift from what the engine uses.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from policy import messages as M
from policy.errors import LocatedError, Problem, format_path
from policy.messages import MessageError, msg
from policy.ranges import MAX_DAYS, Seed
from policy.yamlfile import (
    Located,
    at_most,
    errors_at,
    parse_yaml,
    read_yaml,
    validate,
    validation_problems,
)
from simulation import messages as S
from simulation.catalogue import load_catalogue
from simulation.messages import UnknownParameter
from simulation.paths import assets_dir
from simulation.problems import problem_at

Share = Annotated[float, Field(ge=0.0, le=1.0)]
NonNeg = Annotated[float, Field(ge=0.0)]

# What the engine can run (the reasons are shown when a value is refused). Every post
# is a row the engine keeps in memory (about 27 bytes, POST_SCHEMA; 20 more while it can
# still collect views) for engine.retention_days days; the memory an account costs with
# its friends and posts is printed by bench/bench_engine.py --against.
PostRate = Annotated[float, Field(ge=0.0), at_most(1000, msg(S.POSTS_WHY))]
PersonRate = Annotated[float, Field(ge=0.0), at_most(100, msg(S.PERSON_WHY))]
EntryRate = Annotated[float, Field(ge=0.0), at_most(10_000, msg(S.ENTRY_WHY))]
MAX_ACCOUNTS = 5_000_000
MAX_POSTS_PER_DAY = 5_000_000
MAX_POSTS_HELD = 150_000_000


@dataclass(frozen=True)
class Control:
    """How the desktop app offers a parameter: a labelled slider from ``lo`` to ``hi``.

    ``live`` parameters are read by the engine every day, so moving the slider mid-run
    changes the running world from the next day (as in NetLogo); the others shape the
    world when it is built and take effect at the next setup. ``label`` is English; the
    app translates it (context "Params").
    """

    label: str
    lo: float
    hi: float
    live: bool
    decimals: int = 2


ASSUMED = "assumed"
SETTING = "run setting"  # not a claim about the world: how big, how long, what is kept


def P(
    default: Any,
    description: str,
    unit: str = "",
    control: Control | None = None,
    source: str = ASSUMED,
    **kw: Any,
) -> Any:
    """A documented scenario parameter; ``control`` puts it in the app's scenario panel;
    ``source`` says where its default comes from (a reference, or "assumed")."""
    extra: dict[str, Any] = {"unit": unit, "source": source}
    if control is not None:
        extra["control"] = asdict(control)
    return Field(default, description=description, json_schema_extra=extra, **kw)


def live(label: str, lo: float, hi: float, decimals: int = 2) -> Control:
    """A slider the engine reads every day."""
    return Control(label, lo, hi, True, decimals)


def setup(label: str, lo: float, hi: float, decimals: int = 2) -> Control:
    """A slider that shapes the world when it is built (applies at the next setup)."""
    return Control(label, lo, hi, False, decimals)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Mix(Strict):
    regular: Share = P(0.86, "Share of accounts that are ordinary people", "share")
    micro_merchant: Share = P(
        0.07,
        "Share selling legal goods (cosmetics, food, clothes)",
        "share",
        control=setup("Micro-merchants", 0, 0.3),
    )
    restricted_seller: Share = P(
        0.05,
        "Share selling restricted goods at the start",
        "share",
        control=setup("Restricted sellers", 0, 0.3),
    )
    spammer: Share = P(
        0.02,
        "Share sending scams, link farms, unsolicited blasts",
        "share",
        control=setup("Spammers", 0, 0.2),
    )

    @model_validator(mode="after")
    def _sums_to_one(self) -> Mix:
        total = self.regular + self.micro_merchant + self.restricted_seller + self.spammer
        if abs(total - 1.0) > 1e-6:
            raise MessageError(msg(S.SHARES_ADD_UP, total=f"{total:.4f}"))
        if self.regular <= 0:  # an error at `regular`, not at the whole mix
            raise errors_at("Mix", [(("regular",), msg(S.SOME_REGULAR), self.regular)])
        return self


class Population(Strict):
    accounts: Annotated[
        int,
        at_most(MAX_ACCOUNTS, msg(S.ACCOUNTS_WHY)),
    ] = P(
        10_000,
        "Accounts at the start of the run",
        "accounts",
        source=SETTING,
        ge=50,
        control=setup("Accounts", 200, 200_000, 0),
    )
    mix: Mix = Field(default_factory=Mix)
    official_merchant_share: Share = P(
        0.3, "Share of micro-merchants that use an official (business) account", "share"
    )
    seller_categories: dict[str, NonNeg] | None = P(
        None,
        "Relative number of restricted sellers per catalogue category "
        "(default: the catalogue's demand)",
        "weight",
    )


class Graph(Strict):
    mean_friends: int = P(
        30, "Friends each regular user has among regular users", "friends", ge=2, le=500
    )
    rewire: Share = P(0.1, "Small-world rewiring probability of the friends graph", "probability")
    customers_per_seller: int = P(
        50, "Customers a restricted seller has added (QR codes, groups)", "friends", ge=0, le=5000
    )
    customers_per_merchant: int = P(
        60, "Customers a micro-merchant has added", "friends", ge=0, le=5000
    )
    customers_per_spammer: int = P(60, "Accounts a spammer has added", "friends", ge=0, le=5000)
    friends_regained_per_day: Annotated[float, at_most(500, msg(S.FRIENDS_WHY))] = P(
        6.0,
        "Friends a new or re-registered account adds per day until it reaches its target",
        "friends/day",
        ge=0.0,
    )


class Posting(Strict):
    life_per_day: PersonRate = P(
        1.0,
        "Life posts per regular user per day",
        "posts/day",
        control=live("Life posts per user", 0, 5),
    )
    mention_share: Share = P(
        0.004, "Share of life posts and ads that innocently mention a restricted term", "share"
    )
    forward_ad_per_day: PersonRate = P(0.01, "Ads a regular user forwards per day", "posts/day")
    merchant_per_day: PostRate = P(
        1.5,
        "Ad posts per micro-merchant per day",
        "posts/day",
        control=live("Ads per merchant", 0, 10),
    )
    seller_per_day: PostRate = P(
        2.0,
        "Offer posts per restricted seller per day",
        "posts/day",
        control=live("Offers per seller", 0, 10),
    )
    spammer_per_day: PostRate = P(
        4.0, "Spam posts per spammer per day", "posts/day", control=live("Spam per spammer", 0, 20)
    )


HODAS_LERMAN = (
    "mechanism: Hodas & Lerman 2012, 'How visibility and divided attention constrain social "
    "contagion' (visibility decays as newer posts push a post down the feed); value assumed, "
    "chosen so that the demo's feed has a half-life of about 6 hours"
)


class Exposure(Strict):
    feed_depth: float = P(
        16.0,
        "How far down the feed a user reads: a post fades as newer posts bury it, with a "
        "half-life of 0.69 × feed_depth ÷ the posts arriving per hour in its readers' feeds",
        "posts",
        control=live("Feed depth", 2, 100, 0),
        source=HODAS_LERMAN,
        gt=0.0,
        le=1000.0,
    )
    view_prob: Share = P(
        0.35,
        "Probability that an active friend would see a post over its life if they had the "
        "time to read everything (attention.posts_per_day caps what they read)",
        "probability",
        control=live("View probability", 0, 1),
    )
    report_prob: dict[Literal["life", "ad", "spam", "offer"], Share] = P(
        {"life": 0.0001, "ad": 0.002, "spam": 0.015, "offer": 0.006},
        "Probability that one impression of a post of this kind on a user who did not seek "
        "it leads to a user report (buyers who sought a seller do not report it)",
        "reports/impression",
    )


class Attention(Strict):
    posts_per_day: float = P(
        15.0,
        "Posts a user reads in the Moments feed per day at most: when friends offer more, "
        "each is read with a proportionally lower chance, so a removed or downranked post "
        "frees room that the others take",
        "posts/day",
        control=live("Posts read per day", 2, 60, 0),
        gt=0.0,
    )


class Buyers(Strict):
    sought_share: Share = P(
        0.25,
        "Share of a seller's contacts who added it to buy (scanned its QR code, were sent "
        "by a friend); the rest were added unasked",
        "share",
    )
    seek_factor: float = P(
        8.0,
        "How many times more often a user who sought a seller buys per impression than one "
        "reached by an unsolicited offer",
        "factor",
        ge=1.0,
        le=100.0,
    )


ChannelName = Literal["moments", "chat", "group"]


class Channels(Strict):
    chat_recipients: float = P(
        2.0,
        "Buyers a seller writes to with one chat round (one-to-one conversations; buyers "
        "who sought it first, then others)",
        "contacts/post",
        ge=0.0,
        le=200.0,
    )
    chat_read_prob: Share = P(0.9, "Probability that a chat message is read", "probability")
    group_members_per_customer: float = P(
        1.5,
        "Members of a seller's selling groups per contact it has (members invite friends, "
        "who did not seek it)",
        "members/contact",
        ge=0.0,
        le=50.0,
    )
    group_read_prob: Share = P(
        0.2,
        "Probability that a group member reads a message (groups are often muted)",
        "probability",
    )
    conversion_factor: dict[ChannelName, NonNeg] = P(
        {"moments": 1.0, "chat": 1.5, "group": 1.0},
        "Sales per impression in each channel relative to the catalogue's conversion (a "
        "personal conversation persuades more)",
        "factor",
    )
    half_life_hours: dict[Literal["chat", "group"], Annotated[float, Field(gt=0.0, le=48.0)]] = P(
        {"chat": 2.0, "group": 4.0},
        "Half-life of a chat or group message's reads (the feed's is emergent: "
        "exposure.feed_depth)",
        "hours",
    )
    report_factor: dict[ChannelName, NonNeg] = P(
        {"moments": 1.0, "chat": 3.0, "group": 1.0},
        "How much more often an unwanted message is reported in this channel than in the "
        "feed (an unasked private message is more intrusive)",
        "factor",
    )


class Business(Strict):
    registration_cost: NonNeg = P(
        300.0,
        "What a seller pays to open a verified official (enterprise) account",
        "CNY",
        source="WeChat official-account verification fee: 300 CNY a year",
    )
    payback_days: float = P(
        30.0,
        "Days over which a seller expects an official account to repay its cost (it "
        "registers when the removals it expects to avoid in that time are worth more)",
        "days",
        gt=0.0,
    )


class Deterrence(Strict):
    memory_days: float = P(
        30.0,
        "Time constant over which the fear from what sellers saw (peers' bans and removals, "
        "announcements) fades when enforcement stops",
        "days",
        gt=0.0,
    )
    ban_weight: NonNeg = P(
        3.0,
        "Extra risk weight a seller adds when the whole of its peers (sellers of the same "
        "category) are banned in one day; proportionally for a share",
        "factor/share banned",
    )
    removal_weight: NonNeg = P(
        0.05,
        "Extra risk weight a day adds when every offer of the category is removed; "
        "proportionally for a share",
        "factor/share removed",
    )
    ban_visibility: Share = P(
        0.5,
        "Share of peers' bans a seller hears of (the 'account banned' notice its contacts see)",
        "share",
        control=live("Ban visibility", 0, 1),
    )


class Sellers(Strict):
    evasion_initial: Share = P(
        0.05,
        "Evasion skill of a newcomer: the chance that a new seller or spammer obfuscates",
        "share",
        control=live("Initial evasion", 0, 1),
    )
    evasion_learn: Share = P(
        0.15,
        "How much evasion know-how a seller or spammer gains on a day it loses a post: its "
        "skill (the chance it obfuscates when it chooses how to write) moves this share of "
        "the way to 1",
        "share/removal day",
        control=live("Evasion learning", 0, 1),
    )
    style_prior: dict[
        Literal["spacing", "homoglyph", "pinyin_abbrev", "emoji", "contact_only", "image_only"],
        NonNeg,
    ] = P(
        {
            "spacing": 1.0,
            "homoglyph": 1.0,
            "pinyin_abbrev": 1.0,
            "emoji": 0.8,
            "contact_only": 0.5,
            "image_only": 0.4,
        },
        "Relative preference for each evasion style before anything is known about what works",
        "weight",
    )
    reconsider_prob: Share = P(
        0.1,
        "Daily probability that a seller that has not just lost an offer reconsiders how it "
        "sells: moves to the channel where an offer earns most after the removals it sees "
        "there, and registers an official account when one pays",
        "probability/day",
        control=live("Sellers reconsider", 0, 1),
    )
    reconsider_after_removal: Share = P(
        1.0,
        "Probability that a seller reconsiders how it sells (channel, account) on a day it "
        "lost an offer",
        "probability",
    )
    rethink_after_ban: Share = P(
        0.8,
        "Probability that a banned seller who re-registers also changes how it writes",
        "probability",
    )
    style_efficiency: dict[
        Literal[
            "none", "spacing", "homoglyph", "pinyin_abbrev", "emoji", "contact_only", "image_only"
        ],
        Share,
    ] = P(
        {
            "none": 1.0,
            "spacing": 0.9,
            "homoglyph": 0.95,
            "pinyin_abbrev": 0.8,
            "emoji": 0.85,
            "contact_only": 0.35,
            "image_only": 0.6,
        },
        "Sales an offer makes in each style relative to a plain offer (buyers must understand "
        "what is sold)",
        "share",
    )
    imitation: Share = P(
        0.7,
        "Weight sellers give to what survived yesterday when choosing a style (0 = prior only)",
        "share",
    )
    reregister_prob: Share = P(
        0.6,
        "Probability a banned seller opens a new account",
        "probability",
        control=live("Seller re-registration", 0, 1),
    )
    reregister_delay_days: float = P(
        3.0,
        "Mean days before a banned seller re-registers",
        "days",
        ge=0.0,
        control=live("Re-registration delay", 0, 30, 1),
    )
    entry_per_day: EntryRate = P(
        1.5,
        "New restricted sellers per day per 10,000 accounts at average demand and profit",
        "sellers/day/10k",
        control=live("New sellers", 0, 10),
    )
    profit_reference: float = P(
        8.0, "Daily profit (CNY) at which entry runs at its base rate", "CNY/day", gt=0.0
    )
    market_impressions: float = P(
        8.0,
        "Offer impressions per account per day at which a category's buyers are half "
        "served (beyond it, each extra offer sells less)",
        "impressions/account/day",
        gt=0.0,
    )
    removal_cost: NonNeg = P(
        4.0,
        "What a seller reckons one removal or warning costs it (lost "
        "stock and customers, the risk of a ban)",
        "CNY",
    )
    background_risk: NonNeg = P(
        0.5, "Risk a seller or spammer weighs every day even before any removal", "CNY/day"
    )
    exit_rate: Share = P(
        0.15, "Daily probability of quitting when perceived risk exceeds profit", "probability/day"
    )
    memory_days: float = P(
        7.0, "Time constant of sellers' and spammers' memory of profit and risk", "days", gt=0.0
    )


class Spammers(Strict):
    reregister_prob: Share = P(
        0.9,
        "Probability a banned spammer opens a new account",
        "probability",
        control=live("Spammer re-registration", 0, 1),
    )
    reregister_delay_days: float = P(
        1.0, "Mean days before a banned spammer re-registers", "days", ge=0.0
    )
    entry_per_day: EntryRate = P(
        0.2,
        "New spammers per day per 10,000 accounts when spam pays its reference profit",
        "spammers/day/10k",
        control=live("New spammers", 0, 5),
    )
    yield_per_1000: NonNeg = P(
        100.0,
        "What a spammer earns per 1,000 impressions of its spam (scams, paid clicks)",
        "CNY/1000 impressions",
    )
    profit_reference: float = P(
        8.0, "Daily profit (CNY) at which spammers enter at their base rate", "CNY/day", gt=0.0
    )
    removal_cost: NonNeg = P(2.0, "What a spammer reckons one removal or warning costs it", "CNY")
    exit_rate: Share = P(
        0.1,
        "Daily probability that a spammer quits when perceived risk exceeds profit",
        "probability/day",
    )


class Reregistration(Strict):
    new_device_prob: Share = P(
        0.3,
        "Probability that a banned seller or spammer comes back on a new device (so device "
        "matching cannot link it); after n bans, 1 − (1 − p)^n",
        "probability",
    )
    aged_account_prob: Share = P(
        0.2,
        "Probability that it buys an aged account instead of opening a new one (account-age "
        "signals then see an old account); after n bans, 1 − (1 − p)^n",
        "probability",
    )
    aged_account_days: int = P(365, "Age of a bought account", "days", ge=0, le=3650)
    refind_share: Share = P(
        0.6,
        "Share of a re-registered account's new contacts that are old customers found again "
        "through its groups (the rest are new people of the same community)",
        "share",
        control=live("Customers re-found", 0, 1),
    )


class Users(Strict):
    prospects: Share = P(
        0.1,
        "Potential users not yet on the feed at the start, per regular user (they are in "
        "the friends graph and may join)",
        "users/user",
        le=1.0,
    )
    join_prob: Share = P(
        0.003,
        "Daily probability that a potential user joins when the feed they would see has no "
        "ads; it falls linearly to 0 at users.join_stop_share",
        "probability/day",
    )
    join_stop_share: Annotated[float, Field(gt=0.0, le=1.0)] = P(
        0.6, "Ad share of the feed at which nobody joins any more", "share"
    )
    return_prob: Share = P(
        0.01,
        "Daily probability that a user who left comes back once the feed they hear of is "
        "clean enough (below users.return_threshold)",
        "probability/day",
    )
    return_threshold: Share = P(
        0.35,
        "Remembered ad share below which a user who left may come back",
        "share",
        control=live("Return threshold", 0, 1),
    )


class Churn(Strict):
    threshold: Share = P(
        0.45,
        "Ad share of what a user sees above which the user grows tired",
        "share",
        control=live("Churn threshold", 0, 1),
    )
    memory_days: float = P(14.0, "Time constant of a user's impression of the feed", "days", gt=0.0)
    daily_prob: Share = P(
        0.005, "Daily probability a tired user stops using the feed", "probability/day"
    )
    dampening: Share = P(
        0.5, "How much less a tired user posts (0 = not at all, 1 = stops)", "share"
    )


class Engine(Strict):
    retention_days: int = P(
        30,
        "Days a post stays addressable by late decisions (review, appeals)",
        "days",
        source=SETTING,
        ge=1,
        le=365,
    )
    wrongful_window_days: int = P(
        30,
        "An account action is wrongful when the account posted "
        "nothing violating in this many days before it",
        "days",
        source=SETTING,
        ge=1,
        le=MAX_DAYS,
    )
    watched_users: int = P(
        8,
        "Regular users whose whole feed is stored for the feed view",
        "users",
        source=SETTING,
        ge=0,
        le=1000,
    )
    post_sample_per_day: int = P(
        200, "Other posts stored per day for audits", "posts/day", source=SETTING, ge=0, le=100_000
    )


class Announce(Strict):
    risk_multiplier: float = P(
        3.0,
        "Sellers of the categories concerned weigh this many times the risk on the day of "
        "the announcement; the extra fear then fades with deterrence.memory_days unless "
        "enforcement they see renews it",
        "factor",
        gt=0.0,
    )
    categories: list[str] = P([], "Categories concerned (empty: all)")


class Event(Strict):
    """Something that happens on a day: an announcement, a parameter change, an influx."""

    day: int = Field(ge=0, le=MAX_DAYS, description="Day on which the event happens")
    announce: Announce | None = None
    set: dict[str, Any] | None = Field(None, description="Parameters to change, by dotted path")
    spawn: (
        dict[
            Literal["restricted_seller", "spammer", "micro_merchant"],
            Annotated[int, Field(ge=0), at_most(MAX_ACCOUNTS, msg(S.SPAWN_WHY))],
        ]
        | None
    ) = None
    category: str | None = Field(None, description="Category of spawned sellers (default: mix)")

    @model_validator(mode="after")
    def _one_thing(self) -> Event:
        if sum(x is not None for x in (self.announce, self.set, self.spawn)) != 1:
            raise MessageError(msg(S.ONE_THING))
        return self


class CorpusText(Strict):
    """Draw part of the feed's text from a real labelled corpus."""

    path: str = Field(description="Corpus file (TSV/CSV/JSONL/Parquet), relative to the scenario")
    text_column: str = "SMS"
    label_column: str = "Label"
    map: dict[str, Literal["life", "spam", "ad", "ignore"]] = Field(
        default_factory=lambda: {"ham": "life", "spam": "spam"}
    )
    share: dict[Literal["life", "spam", "ad"], Share] = Field(
        default_factory=lambda: {"life": 0.5, "spam": 0.5},
        description="Share of posts of each kind whose text comes from the corpus",
    )


class Scenario(Strict):
    name: str = "unnamed"
    description: str = ""
    seed: Seed = P(
        7,
        "Seed of the run's random streams",
        "",
        source=SETTING,
        control=setup("Seed", 0, 99_999, 0),
    )
    days: int = P(
        180,
        "Days simulated",
        "days",
        source=SETTING,
        ge=1,
        le=3650,
        control=setup("Days", 1, 730, 0),
    )
    locale: Literal["en_US", "zh_CN"] = P(
        "en_US", "Language of people, names and posts", source=SETTING
    )
    population: Population = Field(default_factory=Population)
    graph: Graph = Field(default_factory=Graph)
    posting: Posting = Field(default_factory=Posting)
    exposure: Exposure = Field(default_factory=Exposure)
    attention: Attention = Field(default_factory=Attention)
    buyers: Buyers = Field(default_factory=Buyers)
    channels: Channels = Field(default_factory=Channels)
    business: Business = Field(default_factory=Business)
    deterrence: Deterrence = Field(default_factory=Deterrence)
    sellers: Sellers = Field(default_factory=Sellers)
    spammers: Spammers = Field(default_factory=Spammers)
    reregistration: Reregistration = Field(default_factory=Reregistration)
    churn: Churn = Field(default_factory=Churn)
    users: Users = Field(default_factory=Users)
    engine: Engine = Field(default_factory=Engine)
    corpus: CorpusText | None = None
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fits_the_engine(self) -> Scenario:
        """The world's posts must fit in memory: refuse, at the rate that dominates, a
        scenario whose posts a day (or posts held for retention) the engine cannot keep."""
        post, n = self.posting, self.population.accounts
        per_rate = self.posts_per_day_by_rate()
        per_day = sum(per_rate.values())
        held = per_day * self.engine.retention_days
        if per_day <= MAX_POSTS_PER_DAY and held <= MAX_POSTS_HELD:
            return self
        worst = max(per_rate, key=per_rate.__getitem__)
        if per_day > MAX_POSTS_PER_DAY:
            why = msg(
                S.POSTS_A_DAY,
                per_day=f"{per_day:,.0f}",
                accounts=f"{n:,}",
                limit=f"{MAX_POSTS_PER_DAY:,}",
                why=msg(S.POSTS_WHY),
            )
        else:
            why = msg(
                S.POSTS_HELD,
                per_day=f"{per_day:,.0f}",
                days=self.engine.retention_days,
                held=f"{held:,.0f}",
                limit=f"{MAX_POSTS_HELD:,}",
            )
        error = PydanticCustomError("engine_capacity", "{why}", {"why": why})
        detail = InitErrorDetails(type=error, loc=("posting", worst), input=getattr(post, worst))
        raise ValidationError.from_exception_data("Scenario", [detail])

    def posts_per_day_by_rate(self) -> dict[str, float]:
        """Posts a day the population makes at the start, per posting rate (``posting.*``
        times the accounts of the archetype that posts at it; before tiredness, churn and
        arrivals change them)."""
        mix, post, n = self.population.mix, self.posting, self.population.accounts
        shares = {
            "life_per_day": mix.regular,
            "forward_ad_per_day": mix.regular,
            "merchant_per_day": mix.micro_merchant,
            "seller_per_day": mix.restricted_seller,
            "spammer_per_day": mix.spammer,
        }
        return {name: n * share * getattr(post, name) for name, share in shares.items()}

    def with_changes(self, changes: dict[str, Any], source: str = "parameters") -> Scenario:
        """A copy with dotted-path parameters changed (``{"posting.seller_per_day": 5}``).

        Raises ``KeyError`` for a parameter that does not exist and
        :class:`~policy.errors.LocatedError` (``source`` names where the changes came
        from, e.g. ``--set``) for a value the model refuses.
        """
        data = self.model_dump()
        for key, value in changes.items():
            set_dotted(data, key, value)
        try:
            return Scenario.model_validate(data)
        except ValidationError as exc:
            doc = Located(data, source)
            problems = validation_problems(exc, doc, Scenario)
            located = [replace(p, file=source, line=0, column=0) for p in problems]
            raise LocatedError(located) from None


def controls(
    model: type[BaseModel] | None = None, prefix: str = ""
) -> Iterator[tuple[str, Control]]:
    """Every parameter the app shows as a slider: (dotted key, control), in model order."""
    for name, info in (model or Scenario).model_fields.items():
        key = f"{prefix}{name}"
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if "control" in extra:
            yield key, Control(**extra["control"])  # type: ignore[arg-type]
        sub = info.annotation
        if isinstance(sub, type) and issubclass(sub, BaseModel):
            yield from controls(sub, f"{key}.")


def field_info(key: str) -> tuple[str, str]:
    """(description, unit) of a dotted scenario parameter."""
    model: Any = Scenario
    info = None
    for part in key.split("."):
        info = model.model_fields[part]
        model = info.annotation
    assert info is not None
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return info.description or "", str(extra.get("unit", ""))


def get_dotted(scenario: Scenario, key: str) -> Any:
    """The value of a dotted parameter (``sellers.evasion_learn``)."""
    node: Any = scenario
    for part in key.split("."):
        node = getattr(node, part)
    return node


def set_dotted(data: dict, key: str, value: Any) -> None:
    """Set ``a.b.c`` in nested dicts, refusing paths that do not exist
    (:class:`UnknownParameter`, with the closest parameter of ``data`` when one is close)."""
    parts = key.split(".")
    node = data
    for part in parts[:-1]:
        if not isinstance(node, dict) or part not in node:
            raise UnknownParameter(key, M.did_you_mean(key, dotted_keys(data)))
        node = node[part]
    if not isinstance(node, dict) or (parts[-1] not in node):
        # a misspelt last name: the closest of its section's (a shared section name would
        # make any of them look close)
        names = sorted(node) if isinstance(node, dict) else []
        close = difflib.get_close_matches(parts[-1], names, n=1, cutoff=0.6)
        meant = ".".join([*parts[:-1], close[0]]) if close else ""
        raise UnknownParameter(key, msg(M.DID_YOU_MEAN, choice=meant) if meant else "")
    node[parts[-1]] = value


def dotted_keys(data: dict, prefix: str = "") -> list[str]:
    """Every dotted path of nested dicts (``sellers``, ``sellers.evasion_learn``, …)."""
    out = []
    for name, value in data.items():
        key = f"{prefix}{name}"
        out.append(key)
        if isinstance(value, dict):
            out += dotted_keys(value, key + ".")
    return out


def scenario_path(name_or_path: str | Path) -> Path:
    """A preset name (``demo``) or a file path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    return assets_dir() / "scenarios" / f"{name_or_path}.yaml"


def preset_names() -> list[str]:
    return sorted(p.stem for p in (assets_dir() / "scenarios").glob("*.yaml"))


def load_scenario(name_or_path: str | Path, categories: tuple[str, ...] | None = None) -> Scenario:
    """Load and validate a scenario; raises :class:`LocatedError` naming file, line and field."""
    path = scenario_path(name_or_path)
    if not path.exists():
        known = ", ".join(preset_names())
        raise LocatedError([Problem.of(str(path), 0, 0, "", msg(S.NO_SUCH_SCENARIO, known=known))])
    doc = read_yaml(path)
    scenario = validate(Scenario, doc)
    check_scenario(scenario, doc, categories)
    if scenario.corpus is not None and not Path(scenario.corpus.path).is_absolute():
        corpus = (path.parent / scenario.corpus.path).resolve()
        scenario = scenario.model_copy(
            update={"corpus": scenario.corpus.model_copy(update={"path": str(corpus)})}
        )
    return scenario


def parse_scenario(text: str, source: str = "<string>") -> Scenario:
    """A scenario from YAML text; ``source`` names it in error messages."""
    doc = parse_yaml(text, source)
    scenario = validate(Scenario, doc)
    check_scenario(scenario, doc, None)
    return scenario


def check_scenario(scenario: Scenario, doc: Located, categories: tuple[str, ...] | None) -> None:
    """What the model alone cannot check, located in the file: category names must
    exist in the catalogue, and an event's ``set`` must name real parameters with
    values the model accepts (applied in day order, as the run applies them)."""
    if categories is None:
        categories = tuple(load_catalogue().names())
    known = ", ".join(categories)
    problems = []
    for name in scenario.population.seller_categories or {}:
        if name not in categories:
            path = ("population", "seller_categories", name)
            problems.append(problem_at(doc, path, msg(S.UNKNOWN_CATEGORY, known=known)))
    state = scenario.model_dump()
    for i, event in sorted(enumerate(scenario.events), key=lambda e: e[1].day):
        named = [
            (("events", i, "announce", "categories", j), name)
            for j, name in enumerate(event.announce.categories if event.announce else [])
        ]
        named += [(("events", i, "category"), event.category)] if event.category else []
        for path, name in named:
            if name not in categories:
                hint = M.did_you_mean(name, categories)
                problem = msg(S.UNKNOWN_CATEGORY_NAMED, name=name, hint=hint, known=known)
                problems.append(problem_at(doc, path, problem))
        for key, value in (event.set or {}).items():
            path = ("events", i, "set", key)
            try:
                set_dotted(state, key, value)
                Scenario.model_validate(state)
            except UnknownParameter as exc:
                problems.append(problem_at(doc, path, exc.text, key=True))
            except ValidationError as exc:
                for p in validation_problems(exc, Located(state, doc.source), Scenario):
                    line, col = doc.where(path)
                    what = p.field or msg(S.THE_SCENARIO)
                    invalid = msg(S.MAKES_INVALID, day=event.day, what=what, message=S.text_of(p))
                    problems.append(Problem.of(doc.source, line, col, format_path(path), invalid))
    if problems:
        raise LocatedError(problems)
