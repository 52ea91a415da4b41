"""How sellers sell: the channel and the kind of account, chosen together.

A seller that reconsiders (``simulation.world.sellers.reconsidering``) compares what one
offer would earn, net of the removals it expects (``channels.offer_values``), in every
channel and, if it is on a personal account, from a verified official (enterprise) account
too. Official accounts are the platform's way for businesses to sell, and a policy may treat
them differently from personal ones (the March-2024 crackdown is about *personal*
accounts): a loophole a seller can buy its way through. The official option carries
``business.registration_cost`` spread over the offers of ``business.payback_days``. When it
is the best, the seller applies; the platform's verification refuses a share of
applications equal to the category's ``risk`` in the catalogue (how seriously the goods are
treated), and a refused seller takes its best personal option (it may apply again later).
The account keeps its contacts; the cost is paid out of what the seller earned before (it
weighs in the decision, not in the remembered daily profit). A policy closes the loophole
by scoping its rules to official accounts too.
"""

from __future__ import annotations

import numpy as np

from policy.interface import AccountKind
from simulation.world.channels import offer_values
from simulation.world.state import Day, World


def reconsider(world: World, day: Day, sellers: np.ndarray) -> None:
    """The ``sellers`` who reconsider take the channel and account kind that pay best."""
    acc, sc, tally = world.accounts, world.scenario, day.tally
    approved = np.zeros(0, np.int64)
    refused = 0
    if len(sellers):
        revenue, loss = offer_values(world, day, sellers)
        net = revenue - loss
        best = net.max(axis=1)
        channel = np.argmax(net, axis=1)
        personal = np.flatnonzero(acc.kind[sellers] == AccountKind.PERSONAL)
        if len(personal):
            who = sellers[personal]
            official = np.full(len(who), AccountKind.OFFICIAL, np.int8)
            rev_o, loss_o = offer_values(world, day, who, kind=official)
            per_offer = sc.business.registration_cost / (
                sc.business.payback_days * max(sc.posting.seller_per_day, 1e-9)
            )
            net_o = rev_o - loss_o - per_offer
            wants = net_o.max(axis=1) > best[personal]
            applying = personal[wants]
            no = (
                world.rng["channels"].random(len(applying))
                < world.refusal[acc.category[sellers[applying]]]
            )
            refused = int(no.sum())
            yes = applying[~no]
            approved = sellers[yes]
            channel[yes] = np.argmax(net_o[wants][~no], axis=1)
        acc.channel[sellers] = channel.astype(np.int8)
    acc.kind[approved] = AccountKind.OFFICIAL
    tally["official_registrations"] = len(approved)
    tally["official_refused"] = refused
