"""A Friends Circle moderation model written the way a Mesa user would write it.

Not part of Circle Lab: the yardstick ``bench/bench_mesa.py`` runs beside the engine, in
a virtual environment of its own (Mesa 3.3.1 and networkx). Kept as written, so the
comparison is with idiomatic Mesa code, not with a tuned variant of it.

The yardstick for Circle Lab's engine speed: one Python object per account, Mesa 3's
AgentSet and DataCollector, a friends graph from networkx, a keyword filter with a strike
ladder and re-registration. Prints account-days per second.

    python mesa_friends_circle.py --accounts 10000 --days 30 --seed 1
"""
import argparse
import resource
import time

import mesa
import networkx as nx

CATEGORIES = ["medical", "tobacco", "sexual_health", "controlled"]
TERMS = {
    "medical": ["prescription", "clinic-grade", "syringe", "antibiotic"],
    "tobacco": ["e-cigarette", "vape", "cigarette", "pods"],
    "sexual_health": ["condom", "enhancement", "intimate"],
    "controlled": ["aphrodisiac", "sleeping pills", "no prescription needed"],
}
TEMPLATES = {
    "life": ["Lovely dinner with {f} tonight", "Weekend hike, great weather", "My cat knocked over the vase again"],
    "ad": ["New spring dresses, only {p} yuan, DM me", "Fresh lychees from the farm, {p} yuan a box"],
    "spam": ["Earn {p} yuan a day from home, add me now", "Click to win a free phone!!!"],
    "offer": ["Selling {t}, {p} yuan, discreet delivery", "{t} in stock, message me"],
}
OBFUSCATE = [lambda s: s, lambda s: " ".join(s), lambda s: s.replace("e", "е").replace("o", "о")]


class Account(mesa.Agent):
    def __init__(self, model, archetype, category=None):
        super().__init__(model)
        self.archetype = archetype
        self.category = category
        self.strikes = 0
        self.banned = False
        self.skill = 0
        self.seen_ads = 0
        self.seen_all = 0
        self.churned = False

    def step(self):
        if self.banned or self.churned:
            return
        m = self.model
        rate = {"regular": 0.4, "merchant": 2.0, "seller": 3.0, "spammer": 6.0}[self.archetype]
        for _ in range(m.rng.poisson(rate)):
            kind = {"regular": "life", "merchant": "ad", "seller": "offer", "spammer": "spam"}[self.archetype]
            text = m.random.choice(TEMPLATES[kind]).format(
                f="Li", p=m.random.randint(10, 500), t=m.random.choice(TERMS.get(self.category, ["x"])))
            if kind == "offer":
                text = OBFUSCATE[min(self.skill, 2)](text)
            m.posts_today[kind] += 1
            if m.moderate(text):
                m.removed_today[kind] += 1
                self.strikes += 1
                self.skill += 1
                if self.strikes >= 3:
                    self.banned = True
                    m.bans_today += 1
                    if self.archetype != "regular" and m.random.random() < 0.5:
                        m.reregister.append((self.archetype, self.category))
                    return
                continue
            node = self.unique_id - 1  # re-registered accounts start friendless
            for friend in (m.graph.neighbors(node) if node in m.graph else ()):
                other = m.by_id.get(friend + 1)
                if other is None:
                    continue
                other.seen_all += 1
                if kind != "life":
                    other.seen_ads += 1
                    m.ad_impressions += 1
                m.impressions += 1
        if self.archetype == "regular" and self.seen_all > 50 and self.seen_ads / self.seen_all > 0.6:
            if m.random.random() < 0.01:
                self.churned = True


class FriendsCircle(mesa.Model):
    def __init__(self, accounts=10000, seed=1, moderation=True):
        super().__init__(seed=seed)
        self.moderation = moderation
        self.graph = nx.powerlaw_cluster_graph(accounts, 10, 0.1, seed=seed)  # node i is account i + 1
        self.by_id = {}
        self.terms = [t for ts in TERMS.values() for t in ts]
        for i in range(accounts):
            r = self.random.random()
            if r < 0.85:
                a = Account(self, "regular")
            elif r < 0.93:
                a = Account(self, "merchant")
            elif r < 0.97:
                a = Account(self, "seller", self.random.choice(CATEGORIES))
            else:
                a = Account(self, "spammer")
            self.by_id[a.unique_id] = a
        self.reregister = []
        self.datacollector = mesa.DataCollector(model_reporters={
            "offers": lambda m: m.posts_today["offer"], "spam": lambda m: m.posts_today["spam"],
            "removed": lambda m: sum(m.removed_today.values()), "bans": lambda m: m.bans_today,
            "ad_share": lambda m: m.ad_impressions / max(1, m.impressions)})

    def moderate(self, text):
        if not self.moderation:
            return False
        low = text.lower()
        return any(t in low for t in self.terms)

    def step(self):
        self.posts_today = dict.fromkeys(TEMPLATES, 0)
        self.removed_today = dict.fromkeys(TEMPLATES, 0)
        self.bans_today = 0
        self.impressions = self.ad_impressions = 0
        self.agents.shuffle_do("step")
        for archetype, category in self.reregister:
            a = Account(self, archetype, category)
            self.by_id[a.unique_id] = a
        self.reregister = []
        self.datacollector.collect(self)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=10000)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = FriendsCircle(a.accounts, a.seed)
    t1 = time.perf_counter()
    for _ in range(a.days):
        model.step()
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    df = model.datacollector.get_model_vars_dataframe()
    print(df.tail(3).to_string())
    print(f"setup {t1 - t0:.2f} s; {a.days} days in {t2 - t1:.2f} s; "
          f"account-days/s {a.accounts * a.days / (t2 - t1):,.0f}; peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
