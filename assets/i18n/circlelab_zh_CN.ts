<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountInspector</name>
    <message>
        <location filename="../../app/inspectors.py" line="108"/>
        <source>Click a post in the feed to inspect its author</source>
        <translation>点击朋友圈中的动态以查看发布者</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="66"/>
        <source>Archetype</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="67"/>
        <source>Account type</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="68"/>
        <source>Sells</source>
        <translation>售卖</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="70"/>
        <source>Joined</source>
        <translation>加入于</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="71"/>
        <source>Writing style</source>
        <translation>书写方式</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="72"/>
        <source>Violating posts</source>
        <translation>违规动态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="73"/>
        <source>Posts removed</source>
        <translation>被删动态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="74"/>
        <source>Bans</source>
        <translation>封号</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="75"/>
        <source>Re-registrations</source>
        <translation>重新注册</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="90"/>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="91"/>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="92"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="93"/>
        <source>Wrongful</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="94"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="101"/>
        <source>Strikes, actions and appeals</source>
        <translation>违规计分、处置与申诉</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="120"/>
        <source>day {0}</source>
        <translation>第 {0} 天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="121"/>
        <source>{0} days before the run began</source>
        <translation>运行开始前 {0} 天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="131"/>
        <source> (since day {0})</source>
        <translation>（自第 {0} 天起）</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="157"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="157"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="167"/>
        <source>came back from banned</source>
        <translation>来自被封账号</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="171"/>
        <source>re-registered as</source>
        <translation>重新注册为</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="174"/>
        <source>generation {0}</source>
        <translation>第 {0} 代</translation>
    </message>
</context>
<context>
    <name>ChartHelp</name>
    <message>
        <location filename="../../app/help.py" line="29"/>
        <source>How many offers of restricted goods (medicine, tobacco and vapes, sexual-health products, aphrodisiacs) were posted each day, one line per category.</source>
        <translation>每天发布了多少条违禁商品信息（药品、烟草和电子烟、性健康用品、催情药），每个类别一条线。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="34"/>
        <source>A drop after an announcement means sellers posted less, not that the filter caught more: compare with Precision and recall. Offers written in disguise are still counted here, caught or not.</source>
        <translation>公告后下降说明卖家发得少了，而不是过滤抓到的更多了：请对照“精确率与召回率”。变形书写的信息无论是否被抓到，都计在这里。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="42"/>
        <source>Spam posted each day, and spam taken down that day (by any cause).</source>
        <translation>每天发布的垃圾信息，以及当天（因任何原因）被删除的垃圾信息。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="45"/>
        <source>The gap between the two lines is spam that stayed up that day. A policy aimed at restricted goods may leave spam alone.</source>
        <translation>两条线之间的差距就是当天留下来的垃圾信息。针对违禁商品的策略可能对垃圾信息不起作用。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="52"/>
        <source>Of everything people were shown that day, the share that was advertising (ads, spam and offers), and the share that was harmful (spam and offers).</source>
        <translation>当天人们看到的所有内容中，广告类内容（广告、垃圾信息和违禁商品信息）所占的比例，以及有害内容（垃圾信息和违禁商品信息）所占的比例。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="57"/>
        <source>This counts views, not posts: a post removed within the hour is seen far less than one removed a day later. Lower is a cleaner feed.</source>
        <translation>这里数的是浏览，不是帖子：一小时内删除的帖子被看到的次数远少于一天后才删除的。越低说明朋友圈越干净。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="64"/>
        <source>Accounts banned each day: correctly (they had posted something violating in the wrongful window) or wrongfully (they had not), and bans overturned on appeal.</source>
        <translation>每天被封的账户：正确封号（在误判窗口内发布过违规内容）或误封（没有发布过），以及申诉后撤销的封号。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="70"/>
        <source>These are accounts, not posts: the rule inspector&apos;s wrongful removals count posts. Each wrongful ban is an ordinary person locked out.</source>
        <translation>这里数的是账户，不是帖子：规则检查器里的“误删”数的是帖子。每一次误封都是一个普通人被关在门外。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="77"/>
        <source>Precision: of the posts moderation took down that day, the share that were violating. Same-day recall: of the day&apos;s violating posts, the share taken down the same day.</source>
        <translation>精确率：当天审核删除的帖子中，违规内容所占的比例。当日召回率：当天发布的违规帖子中，当天被删除的比例。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="83"/>
        <source>High precision and low recall: careful but missing most. Low precision: innocent posts are being removed. A day with nothing removed has no precision (a gap in the line).</source>
        <translation>精确率高而召回率低：很谨慎，但漏掉了大部分。精确率低：无辜的帖子正在被删除。某天什么都没删，就没有精确率（线上会断开）。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="91"/>
        <source>Posts waiting for a human reviewer at the end of each day.</source>
        <translation>每天结束时等待人工审核的帖子。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="94"/>
        <source>A growing backlog means reviewers cannot keep up: what waits stays visible. Policies without human review keep it at zero.</source>
        <translation>积压不断增加说明审核员跟不上：等待中的内容仍然可见。没有人工审核的策略，积压始终为零。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="101"/>
        <source>Dotted lines mark what happened: announcements, a policy coming into force or applied, a parameter changed, a lesson&apos;s step. The dashed line is the day shown in the feed: drag it, or type a day.</source>
        <translation>点线标出发生的事件：公告、策略生效或应用、参数改变、课程的步骤。虚线是朋友圈正在显示的那一天：可以拖动它，也可以输入天数。</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="131"/>
        <source>What it shows</source>
        <translation>显示的内容</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="132"/>
        <source>How to read it</source>
        <translation>怎么看</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="133"/>
        <source>The lines</source>
        <translation>各条线</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="174"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="175"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="176"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="177"/>
        <source>Run measures (the summary, Compare, saved runs)</source>
        <translation>运行指标（摘要、对比、已保存的运行）</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="178"/>
        <source>Daily metrics (the charts, daily_metrics.csv)</source>
        <translation>每日指标（图表、daily_metrics.csv）</translation>
    </message>
    <message>
        <location filename="../../app/help.py" line="179"/>
        <source>Rule counts (the rule inspector)</source>
        <translation>规则计数（规则检查器）</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../app/charts.py" line="322"/>
        <source>The charts appear here after Setup (Ctrl+R)</source>
        <translation>建立世界（Ctrl+R）后图表显示在这里</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="477"/>
        <source>What am I looking at? Click for help on this chart</source>
        <translation>这张图是什么？点击查看这张图的说明</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="model_texts.py" line="73"/>
        <source>Restricted-offer volume</source>
        <translation>违禁商品信息量</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="74"/>
        <source>Spam volume</source>
        <translation>垃圾信息量</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="77"/>
        <source>Advertising Circle index</source>
        <translation>“广告圈”指数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="80"/>
        <source>Bans: correct vs wrongful</source>
        <translation>封号：正确与错误</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="84"/>
        <source>Precision and recall</source>
        <translation>精确率与召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="87"/>
        <source>Review backlog</source>
        <translation>待审积压</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="75"/>
        <source>spam posted</source>
        <translation>发布的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="76"/>
        <source>spam removed</source>
        <translation>删除的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="78"/>
        <source>ads+spam+offers share</source>
        <translation>广告+垃圾+违禁占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="79"/>
        <source>spam+offers share</source>
        <translation>垃圾+违禁占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="81"/>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="82"/>
        <source>wrongful</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="83"/>
        <source>overturned on appeal</source>
        <translation>申诉后撤销</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="85"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="86"/>
        <source>same-day recall</source>
        <translation>当日召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="88"/>
        <source>waiting for review</source>
        <translation>等待审核</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../app/compare.py" line="119"/>
        <location filename="../../app/compare.py" line="207"/>
        <source>Policy in the editor</source>
        <translation>编辑器中的策略</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="127"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="128"/>
        <source>Run both</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="131"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="134"/>
        <source>The table below as CSV: each measure&apos;s unit, A, B and B − A</source>
        <translation>将下表导出为 CSV：每项指标的单位、A、B 及 B − A</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="145"/>
        <source>A (solid):</source>
        <translation>A（实线）：</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="147"/>
        <source>B (dashed):</source>
        <translation>B（虚线）：</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="154"/>
        <source>Pick two policies and press Run both</source>
        <translation>选择两个策略，然后点击“同时运行”</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="160"/>
        <location filename="../../app/compare.py" line="241"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="207"/>
        <source>Editor: {0}</source>
        <translation>编辑器：{0}</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="226"/>
        <source>The policy in the editor has errors; fix it first</source>
        <translation>编辑器中的策略有错误，请先修正</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="238"/>
        <source>A (solid lines): {0}    B (dashed lines): {1}</source>
        <translation>A（实线）：{0}    B（虚线）：{1}</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="243"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="261"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="280"/>
        <source>Export the comparison as CSV</source>
        <translation>将对比导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="281"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="289"/>
        <source>Not written: {0}</source>
        <translation>未写入：{0}</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="291"/>
        <source>Comparison written to {0}</source>
        <translation>对比已写入 {0}</translation>
    </message>
</context>
<context>
    <name>CorpusHeaders</name>
    <message>
        <location filename="model_texts.py" line="61"/>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="62"/>
        <source>action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="63"/>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="64"/>
        <source>spam hit</source>
        <translation>命中垃圾</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="65"/>
        <source>ham hit</source>
        <translation>命中正常</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="66"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="67"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="68"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="69"/>
        <source>FP rate</source>
        <translation>误报率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="70"/>
        <source>alone: hits</source>
        <translation>单独：命中</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="71"/>
        <source>alone: precision</source>
        <translation>单独：精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="72"/>
        <source>alone: recall</source>
        <translation>单独：召回率</translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message>
        <location filename="../../app/corpus_panel.py" line="90"/>
        <source>Labelled corpus (TSV, CSV, JSONL, Parquet)</source>
        <translation>带标注的语料（TSV、CSV、JSONL、Parquet）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="92"/>
        <source>Corpus…</source>
        <translation>语料…</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="96"/>
        <source>LABEL=TARGET pairs (targets: spam, offer, regular, life, ad, ignore)</source>
        <translation>标签=类别 对（类别：spam、offer、regular、life、ad、ignore）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="102"/>
        <source>Map:</source>
        <translation>映射：</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="114"/>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="115"/>
        <source>Label column:</source>
        <translation>标签列：</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="117"/>
        <source>by name</source>
        <translation>按列名</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="124"/>
        <source>No corpus chosen</source>
        <translation>未选择语料</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="157"/>
        <source>Choose a labelled corpus</source>
        <translation>选择带标注的语料</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="159"/>
        <source>Corpora (*.tsv *.csv *.jsonl *.ndjson *.json *.parquet)</source>
        <translation>语料 (*.tsv *.csv *.jsonl *.ndjson *.json *.parquet)</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="193"/>
        <source>Evaluating {0}…</source>
        <translation>正在评估 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="238"/>
        <source>✗ {0}</source>
        <translation>✗ {0}</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="252"/>
        <source>the Text column field</source>
        <translation>「文本列」栏</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="254"/>
        <source>the Label column field</source>
        <translation>「标签列」栏</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="257"/>
        <source>{0}=TARGET to the Map field</source>
        <translation>{0}=目标类别 到「映射」栏</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="260"/>
        <source>{0} in the Map field</source>
        <translation>「映射」栏的 {0}</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="292"/>
        <source>Not seen: the policy scans no channel (scan: []), so every message is allowed, as in a run: only reported posts reach it, and a corpus has no reports.</source>
        <translation>未被看到：该策略不扫描任何渠道（scan: []），所以每条消息都会放行，与运行中一样：只有被举报的帖子才会到达它，而语料里没有举报。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="300"/>
        <source>Not seen: the policy does not scan {0} (it scans {1}), so every message posted there is allowed, as in a run; `circlelab policy evaluate --channel {2}` measures it where it looks.</source>
        <translation>未被看到：该策略不扫描 {0}（它扫描 {1}），所以发在那里的每条消息都会放行，与运行中一样；用 `circlelab policy evaluate --channel {2}` 在它扫描的渠道上测量。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="307"/>
        <source>&apos;{0}&apos; (in force from day {1})</source>
        <translation>&apos;{0}&apos;（从第 {1} 天起生效）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="309"/>
        <source>&apos;{0}&apos; (not in force on this day or later)</source>
        <translation>&apos;{0}&apos;（这一天及以后都不生效）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="314"/>
        <source>Not in force on day {0}: {1}; as in a run on that day, these rules decide nothing here.</source>
        <translation>第 {0} 天不生效的规则：{1}；与那一天的运行一样，这些规则在这里不做任何决定。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="322"/>
        <source>† &apos;{0}&apos; never fires here: every message is posted by a personal account a year old with 100 friends, 1 post today and no strikes ({1}); `circlelab policy evaluate` takes another author (--kind, --age-days, --friends, --posts-today, --strikes).</source>
        <translation>† &apos;{0}&apos; 在这里永远不会触发：每条消息都由一个注册一年、有 100 位好友、今天发第 1 条帖子、违规计分为 0 的个人账号发布（{1}）；`circlelab policy evaluate` 可以换一个作者（--kind、--age-days、--friends、--posts-today、--strikes）。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="331"/>
        <source>‡ &apos;{0}&apos; sends posts to review, but nothing reviews them (the policy has no enforcement.review section): they stay up as if allowed, so its hits are not counted as actioned and it has no precision, recall, F1 or false-positive rate (—).</source>
        <translation>‡ &apos;{0}&apos; 把帖子送去审核，但没有人审核它们（策略没有 enforcement.review 部分）：这些帖子会像被放行一样保留，所以它的命中不算作已处理，它也没有精确率、召回率、F1 或误报率（—）。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="340"/>
        <source>An allow rule actions nothing: its spam hits are spam it let through and its ham hits ham it spared, so it has no precision, recall, F1 or false-positive rate (—).</source>
        <translation>放行（allow）规则不处理任何消息：它命中的垃圾信息是被它放过的，命中的正常消息是被它保下的，所以它没有精确率、召回率、F1 或误报率（—）。</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="354"/>
        <source>{0:,} messages ({1:,} spam, {2:,} ham): precision {3}, recall {4}, false-positive rate {5}, F1 {6}; {7:,.0f} messages/s</source>
        <translation>{0:,} 条消息（{1:,} 条垃圾，{2:,} 条正常）：精确率 {3}，召回率 {4}，误报率 {5}，F1 {6}；每秒 {7:,.0f} 条</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="369"/>
        <source>; 1 blank line skipped</source>
        <translation>；跳过 1 个空行</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="371"/>
        <source>; {0:,} blank lines skipped</source>
        <translation>；跳过 {0:,} 个空行</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="382"/>
        <source>wrongly hit</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="383"/>
        <source>missed</source>
        <translation>漏判</translation>
    </message>
</context>
<context>
    <name>CorpusProblems</name>
    <message>
        <location filename="model_texts.py" line="581"/>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="582"/>
        <source>row {row}</source>
        <translation>第 {row} 条记录</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="583"/>
        <source> (line {line})</source>
        <translation>（第 {line} 行）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="584"/>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="585"/>
        <source>column &apos;{column}&apos;</source>
        <translation>列 &apos;{column}&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="586"/>
        <source>unknown corpus format; use .tsv, .csv, .jsonl or .parquet</source>
        <translation>未知的语料格式；请使用 .tsv、.csv、.jsonl 或 .parquet</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="587"/>
        <source>no such file</source>
        <translation>找不到这个文件</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="588"/>
        <source>the file is empty (expected a header naming the columns)</source>
        <translation>文件是空的（应有一行表头，写明各列的名称）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="589"/>
        <source>the file is only {count} blank lines (expected a header naming the columns)</source>
        <translation>文件只有 {count} 个空行（应有一行表头，写明各列的名称）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="590"/>
        <source>the file is empty (expected one JSON object per line)</source>
        <translation>文件是空的（应每行一个 JSON 对象）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="591"/>
        <source>the file is only {count} blank lines (expected one JSON object per line)</source>
        <translation>文件只有 {count} 个空行（应每行一个 JSON 对象）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="592"/>
        <source>no messages (the file has a header but no rows)</source>
        <translation>没有消息（文件只有表头，没有数据行）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="593"/>
        <source>not a readable Parquet file: {reason}</source>
        <translation>不是可读的 Parquet 文件：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="594"/>
        <source>no text column {wanted}{hint}; the columns are {columns}</source>
        <translation>没有文本列 {wanted}{hint}；现有的列：{columns}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="595"/>
        <source>no label column {wanted}{hint}; the columns are {columns}</source>
        <translation>没有标签列 {wanted}{hint}；现有的列：{columns}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="596"/>
        <source>cannot tell which column is the text; the columns are {columns} (name it with {option})</source>
        <translation>无法判断哪一列是文本；现有的列：{columns}（请用{option}指明，或把文本列命名为 text、sms、message、body 或 content）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="597"/>
        <source>cannot tell which column is the label; the columns are {columns} (name it with {option})</source>
        <translation>无法判断哪一列是标签；现有的列：{columns}（请用{option}指明，或把标签列命名为 label、class、category 或 target）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="598"/>
        <source>the header names {column} more than once (fields {fields}): which one to read is not clear; rename all but one</source>
        <translation>表头里 {column} 出现了不止一次（第 {fields} 个字段）：不清楚该读哪一个；请只保留一个，其余的改名</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="599"/>
        <source>unknown label {label}{hint}; the map knows {known} (add {option})</source>
        <translation>未知的标签 {label}{hint}；映射中已有的标签：{known}（请加上 {option}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="600"/>
        <source>{flag} {label}={target}</source>
        <translation>{flag} {label}={target}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="601"/>
        <source> (the label is empty)</source>
        <translation>（标签是空的）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="602"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="603"/>
        <source>cannot parse: {reason}</source>
        <translation>无法解析：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="604"/>
        <source>quoted field never closed: its opening quote is character {at} of the line and no quote closes it before the end of the file (a quote inside a quoted field is written &quot;&quot;)</source>
        <translation>带引号的字段没有闭合：开头的引号在本行第 {at} 个字符，直到文件结尾都没有引号把它闭合（带引号的字段里的引号要写成 &quot;&quot;）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="605"/>
        <source>text after the closing quote of a quoted field, at character {at} of the line (a quote inside a quoted field is written &quot;&quot;, and a field that holds quotes is quoted as a whole)</source>
        <translation>带引号的字段在闭合引号之后还有文字，在本行第 {at} 个字符（带引号的字段里的引号要写成 &quot;&quot;，含引号的字段要整个加上引号）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="606"/>
        <source>expected {expected} fields, found {found} (a tab inside a message?)</source>
        <translation>应有 {expected} 个字段，实际有 {found} 个（消息里有制表符？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="607"/>
        <source>expected {expected} fields, found {found} (a comma outside quotes?)</source>
        <translation>应有 {expected} 个字段，实际有 {found} 个（引号外面有逗号？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="608"/>
        <source>expected {expected} fields, found {found}: no value for {column} (a tab missing?)</source>
        <translation>应有 {expected} 个字段，实际有 {found} 个：{column} 没有值（少了一个制表符？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="609"/>
        <source>expected {expected} fields, found {found}: no value for {column} (a comma missing?)</source>
        <translation>应有 {expected} 个字段，实际有 {found} 个：{column} 没有值（少了一个逗号？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="610"/>
        <source>not valid UTF-8 (byte 0x{byte}, character {at} of the line); re-save the file as UTF-8</source>
        <translation>不是有效的 UTF-8（字节 0x{byte}，该行第 {at} 个字符）；请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="611"/>
        <source>not valid UTF-8</source>
        <translation>不是有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="612"/>
        <source>expected text, found {found}</source>
        <translation>应为文本，实际是{found}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="613"/>
        <source>no value (null)</source>
        <translation>空值（null）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="614"/>
        <source>a list (JSON array)</source>
        <translation>一个列表（JSON 数组）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="615"/>
        <source>a map (JSON object)</source>
        <translation>一个映射（JSON 对象）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="616"/>
        <source>not a JSON object: {reason} at character {at}</source>
        <translation>不是 JSON 对象：第 {at} 个字符处 {reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="617"/>
        <source>each line must be a JSON object</source>
        <translation>每一行都必须是一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="618"/>
        <source>missing field {field}</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="619"/>
        <source>the field {field} is given more than once in this object: which one to read is not clear</source>
        <translation>这个对象里字段 {field} 出现了不止一次：不清楚该读哪一个</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="620"/>
        <source>--map expects LABEL=TARGET pairs separated by commas, got {part}</source>
        <translation>映射应为以逗号分隔的“标签=目标类别”，实际为 {part}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="621"/>
        <source>--map {label}={target}: unknown target {given}; use one of {targets}</source>
        <translation>映射 {label}={target}：未知的目标类别 {given}；可用的目标类别：{targets}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="622"/>
        <source>no message has the label {label} of {option}{hint}; the file&apos;s labels are {labels}</source>
        <translation>没有任何消息带有 {option} 中的标签 {label}{hint}；文件中的标签：{labels}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/dialogs.py" line="106"/>
        <source>YAML policies (*.yaml *.yml)</source>
        <translation>YAML 策略 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="107"/>
        <source>Policy test cases (*.cases.yaml)</source>
        <translation>策略测试用例 (*.cases.yaml)</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="108"/>
        <source>Open policy</source>
        <translation>打开策略</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="169"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="171"/>
        <source>The policy {0} has unsaved changes.</source>
        <translation>策略 {0} 有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="173"/>
        <source>Save them first?</source>
        <translation>先保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="192"/>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="194"/>
        <source>{0} of the files to write already exist:</source>
        <translation>要写入的文件中有 {0} 个已经存在：</translation>
    </message>
    <message>
        <location filename="../../app/dialogs.py" line="201"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>Facts</name>
    <message>
        <location filename="../../app/measures.py" line="34"/>
        <source>scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="35"/>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="36"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="37"/>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="38"/>
        <source>accounts at the start</source>
        <translation>开始时的账户数</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="39"/>
        <source>accounts at the end</source>
        <translation>结束时的账户数</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="40"/>
        <source>time to compute</source>
        <translation>计算用时</translation>
    </message>
    <message>
        <location filename="../../app/measures.py" line="41"/>
        <source>posts per second computed</source>
        <translation>每秒计算的帖子数</translation>
    </message>
</context>
<context>
    <name>FeedDelegate</name>
    <message>
        <location filename="../../app/feed_delegate.py" line="48"/>
        <source>Post removed for violating community rules</source>
        <translation>该内容因违反社区规范已被删除</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="49"/>
        <source>Account banned for violating community rules</source>
        <translation>该账号因违反社区规范已被封禁</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="52"/>
        <source>Post removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="53"/>
        <source>Account banned</source>
        <translation>已封号</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="54"/>
        <source>Day {day} · {time}</source>
        <translation>第 {day} 天 · {time}</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <location filename="../../app/panels/feed.py" line="55"/>
        <source>Whose Friends Circle to show (a watched user)</source>
        <translation>显示谁的朋友圈（被观察用户）</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="60"/>
        <source>All posts</source>
        <translation>全部动态</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="61"/>
        <source>Life</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="62"/>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="63"/>
        <source>Spam</source>
        <translation>垃圾信息</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="64"/>
        <source>Restricted offers</source>
        <translation>违禁商品信息</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="65"/>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="102"/>
        <source>User #{0}</source>
        <translation>用户 #{0}</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="130"/>
        <source>Friends Circle · no feed yet</source>
        <translation>朋友圈 · 尚无内容</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="132"/>
        <source>Friends Circle · day {0} · {1} posts</source>
        <translation>朋友圈 · 第 {0} 天 · {1} 条动态</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="133"/>
        <source>Friends Circle · day {0} · {1} of {2} posts ({3})</source>
        <translation>朋友圈 · 第 {0} 天 · {2} 条中的 {1} 条（{3}）</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../app/help.py" line="213"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../app/i18n.py" line="49"/>
        <source>life</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="50"/>
        <source>ad</source>
        <translation>广告</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="51"/>
        <source>spam</source>
        <translation>垃圾</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="52"/>
        <source>offer</source>
        <translation>违禁</translation>
    </message>
</context>
<context>
    <name>LessonBanner</name>
    <message>
        <location filename="../../app/lessons.py" line="80"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="82"/>
        <source>The step before (PageUp)</source>
        <translation>上一步（PageUp）</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="83"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="85"/>
        <source>Go on (PageDown, or a presentation clicker)</source>
        <translation>继续（PageDown 或翻页笔）</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="86"/>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <location filename="../../app/lessons.py" line="166"/>
        <source>Wait: the step is still running</source>
        <translation>请稍候：这一步还在运行</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="224"/>
        <location filename="../../app/lessons.py" line="236"/>
        <source>The lesson needs the policy editor: edits were kept</source>
        <translation>课程需要使用策略编辑器：你的修改已保留</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="251"/>
        <source>Running to day {0}…</source>
        <translation>正在运行到第 {0} 天…</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="289"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="322"/>
        <source>Paused before day {0}: Go or Next runs on</source>
        <translation>在第 {0} 天之前暂停：点击“运行”或“下一步”继续</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="332"/>
        <source>The step could not run: {0}</source>
        <translation>这一步无法运行：{0}</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="341"/>
        <source>Lesson: {0} · step {1} of {2}</source>
        <translation>课程：{0} · 第 {1} 步，共 {2} 步</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="350"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="368"/>
        <source>Run ▶</source>
        <translation>运行 ▶</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="368"/>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="370"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/lessons.py" line="372"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
</context>
<context>
    <name>LessonProblems</name>
    <message>
        <location filename="model_texts.py" line="565"/>
        <source>no such lesson{hint} (shipped: {known})</source>
        <translation>找不到这个课程{hint}（自带的课程：{known}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="566"/>
        <source>the first step must load a world (load: scenario, policy)</source>
        <translation>第一步必须加载一个世界（load：scenario、policy）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="567"/>
        <source>a running world does not read this parameter again; set it under load.set (a new world)</source>
        <translation>运行中的世界不会再读取这个参数；请把它写在 load.set 下（建立一个新世界）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="568"/>
        <source>the world has already run {done} days; run_to must be later (or load a new world)</source>
        <translation>世界已经运行了 {done} 天；run_to 必须更晚（或加载一个新世界）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="569"/>
        <source>the scenario runs {days} days; run_to is after its end</source>
        <translation>场景只运行 {days} 天；run_to 超过了它的结尾</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="570"/>
        <source>no scenario preset or file &apos;{name}&apos;{hint}</source>
        <translation>没有名为 &apos;{name}&apos; 的场景预设或文件{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="571"/>
        <source>&apos;{metric}&apos; is not a metric{hint}</source>
        <translation>&apos;{metric}&apos; 不是一个指标{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="572"/>
        <source>only a count with a breakdown has a total (….all)</source>
        <translation>只有带分项的计数才有合计（….all）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="573"/>
        <source>the claim reads day {last}, but the run has done {done} days when the answer is revealed (days count from 0)</source>
        <translation>断言要读取第 {last} 天，但揭晓答案时运行只完成了 {done} 天（天数从 0 开始计）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="574"/>
        <source>the first day ({first}) is after the last ({last})</source>
        <translation>第一天（{first}）在最后一天（{last}）之后</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="575"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="576"/>
        <source>{file}:{line}:{column}: {field}: {message}</source>
        <translation>{file}:{line}:{column}: {field}: {message}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="577"/>
        <source>{file}: {field}: {message}</source>
        <translation>{file}: {field}: {message}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="578"/>
        <source>(file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="579"/>
        <source>{problem} (and {count} more)</source>
        <translation>{problem}（另有 {count} 个问题）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="580"/>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="203"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="205"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="207"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="214"/>
        <source>The day shown in the feed; type a day and press Enter</source>
        <translation>朋友圈显示的日期；输入天数后按回车</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="216"/>
        <source>Day:</source>
        <translation>第几天：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="245"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="246"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="247"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="268"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="275"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="278"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="283"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="288"/>
        <source>Friends Circle</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="292"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="315"/>
        <source>Pick a scenario and a policy, then Setup (Ctrl+R)</source>
        <translation>选择场景和策略，然后点击“建立”（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="337"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="341"/>
        <source>Open policy…</source>
        <translation>打开策略…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="344"/>
        <source>Save policy</source>
        <translation>保存策略</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="348"/>
        <source>Save policy as…</source>
        <translation>策略另存为…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="355"/>
        <source>Save run and report…</source>
        <translation>保存运行和报告…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="359"/>
        <source>Store this run in the Runs database and write its report to a folder</source>
        <translation>把这次运行存入运行记录数据库，并把报告写入文件夹</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="363"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="372"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="378"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="384"/>
        <source>Lock layout</source>
        <translation>锁定布局</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>Panels cannot be dragged away or floated by accident; unlock to rearrange</source>
        <translation>面板不会被误拖走或浮出；解锁后可重新排列</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="392"/>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="398"/>
        <source>Presentation view</source>
        <translation>演示视图</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="401"/>
        <source>Charts and feed fill the screen in large type; side panels hidden</source>
        <translation>图表和朋友圈以大字号铺满屏幕；隐藏侧边面板</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="408"/>
        <source>L&amp;essons</source>
        <translation>课程(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="419"/>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="423"/>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="429"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="433"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="444"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="446"/>
        <location filename="../../app/main_window.py" line="816"/>
        <source>What am I looking at?</source>
        <translation>这张图是什么？</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="459"/>
        <location filename="../../app/main_window.py" line="819"/>
        <source>Model assumptions</source>
        <translation>模型假设</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="463"/>
        <location filename="../../app/main_window.py" line="822"/>
        <source>Metric definitions</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="471"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="533"/>
        <source>Policy saved to {0}</source>
        <translation>策略已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="538"/>
        <source>{0}: takes effect at the next setup</source>
        <translation>{0}：下次建立时生效</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="602"/>
        <source>{0}[*] — Circle Lab, moderation-policy laboratory</source>
        <translation>{0}[*] — 朋友圈实验室，内容治理策略实验</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="645"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="662"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="663"/>
        <source>Lessons (*.yaml *.yml)</source>
        <translation>课程 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="757"/>
        <source>No watched user saw a removed post in the last {0} days</source>
        <translation>最近 {0} 天里，被观察的用户都没有看到被删除的动态</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="894"/>
        <source>Layout reset</source>
        <translation>布局已恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="933"/>
        <source>Not set up: the policy in the editor has {0} problem(s); fix it first</source>
        <translation>未建立：编辑器中的策略有 {0} 个问题，请先修正</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="955"/>
        <source>Setting up…</source>
        <translation>正在建立…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1000"/>
        <source>{0}: used at the next setup</source>
        <translation>{0}：下次建立时使用</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1095"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1039"/>
        <location filename="../../app/main_window.py" line="1100"/>
        <source>Paused after day {0}</source>
        <translation>第 {0} 天后暂停</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1110"/>
        <source>Starting the engine process…</source>
        <translation>正在启动引擎进程…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1119"/>
        <location filename="../../app/main_window.py" line="1292"/>
        <location filename="../../app/main_window.py" line="1318"/>
        <location filename="../../app/main_window.py" line="1364"/>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1125"/>
        <source>The run has reached its last day: Reset or Setup to run again</source>
        <translation>运行已到最后一天：重置或重新建立后才能再运行</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1127"/>
        <source>No world yet: press Setup (Ctrl+R) first</source>
        <translation>尚无世界：请先点击“建立”（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1141"/>
        <source>Run finished: {0} of {1} days simulated</source>
        <translation>运行结束：已模拟 {1} 天中的 {0} 天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1158"/>
        <source>In force: {0} (loaded day {1}; acts from day {2})</source>
        <translation>生效中：{0}（第 {1} 天载入；自第 {2} 天起执行）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1166"/>
        <source>{0} from day {1}</source>
        <translation>{0}，自第 {1} 天起</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1173"/>
        <source>Saved as run #{0}; report in {1}</source>
        <translation>已保存为运行 #{0}；报告在 {1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1287"/>
        <source>Export cancelled: nothing written</source>
        <translation>导出已取消：没有写入任何文件</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1296"/>
        <source>{0} charts written to {1}</source>
        <translation>{0} 张图表已保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1310"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1320"/>
        <source>Daily metrics written to {0}</source>
        <translation>每日指标已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1352"/>
        <source>Folder for the run&apos;s report</source>
        <translation>运行报告的存放文件夹</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1366"/>
        <source>Report written to {0}</source>
        <translation>报告已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1370"/>
        <source>Saving the run…</source>
        <translation>正在保存运行…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1401"/>
        <source>The language stays as it is</source>
        <translation>界面语言保持不变</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1404"/>
        <source>The language changes to {0} at the next start</source>
        <translation>下次启动时界面语言将切换为{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="982"/>
        <source>Will be used at the next setup: {0}</source>
        <translation>将在下次建立时使用：{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1023"/>
        <source>Ready: seed {0}, {1} days</source>
        <translation>就绪：种子 {0}，{1} 天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1161"/>
        <source>In force: {0} (from day {1})</source>
        <translation>生效中：{0}（自第 {1} 天）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1148"/>
        <source>Policy applied from day {0}</source>
        <translation>策略自第 {0} 天起生效</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1249"/>
        <source>Stored run #{0}: {1}</source>
        <translation>保存的运行 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1252"/>
        <source>Opened stored run #{0} ({1})</source>
        <translation>已打开保存的运行 #{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1262"/>
        <source>Nothing to export yet: run at least one day</source>
        <translation>尚无可导出的内容：请至少运行一天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1276"/>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1277"/>
        <source>{0} images (*.{1})</source>
        <translation>{0} 图片 (*.{1})</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="1309"/>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <location filename="../../app/main_window.py" line="88"/>
        <source>announced</source>
        <translation>公告</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="89"/>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="90"/>
        <source>changed</source>
        <translation>参数改变</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="91"/>
        <source>newcomers</source>
        <translation>新账号</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="92"/>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="95"/>
        <source>Day {0}: an announcement of stricter enforcement (sellers&apos; risk {1})</source>
        <translation>第 {0} 天：宣布从严整治（卖家风险 {1}）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="98"/>
        <source>Day {0}: policy in force: {1}</source>
        <translation>第 {0} 天：策略生效：{1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="99"/>
        <source>Day {0}: parameter changed: {1}</source>
        <translation>第 {0} 天：参数改变：{1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="100"/>
        <source>Day {0}: new accounts arrive ({1})</source>
        <translation>第 {0} 天：新账号涌入（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="101"/>
        <source>Day {0}: the lesson&apos;s step {1}</source>
        <translation>第 {0} 天：课程第 {1} 步</translation>
    </message>
</context>
<context>
    <name>Meanings</name>
    <message>
        <location filename="model_texts.py" line="89"/>
        <source>Posts published that day, in every channel (the Moments feed, chats, groups)</source>
        <translation>当天在所有渠道（朋友圈、私聊、群聊）发布的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="90"/>
        <source>Posts published in the Moments feed that day</source>
        <translation>当天在朋友圈发布的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="91"/>
        <source>Posts taken down that day by any cause (a rule, a review, reports, or with their banned author), counted once, on the day of removal; a later restoration is counted in posts_restored, never subtracted here</source>
        <translation>当天因任何原因被删除的帖子（规则、人工审核、举报，或随作者被封一并删除），在删除当天计一次；之后恢复的计入 posts_restored，不从这里扣除</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="92"/>
        <source>Posts taken down that day by a moderation decision (a rule, a review, reports): correct when the post was violating (spam or a restricted offer), wrongful when it was a life post or a legal ad</source>
        <translation>当天因审核决定（规则、人工审核、举报）被删除的帖子：删的是违规内容（垃圾信息或违禁商品信息）为正确，删的是生活动态或合法广告为误删</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="93"/>
        <source>Posts that disappeared that day because their author was banned (any kind)</source>
        <translation>当天因作者被封号而消失的帖子（任何类型）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="94"/>
        <source>Of those, life posts and legal ads of authors banned wrongfully (with nothing violating in the wrongful window, as bans.wrongful): innocent posts a wrongful ban took down with its account</source>
        <translation>其中被误封账户（误判期内没有任何违规帖子，与 bans.wrongful 相同）的生活动态和合法广告：误封连带删掉的无辜帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="95"/>
        <source>Removed posts put back that day after a successful appeal: against the post&apos;s removal, or against its author&apos;s ban (reinstating an account puts back the posts that disappeared with it)</source>
        <translation>当天申诉成功后恢复的已删除帖子：针对帖子本身的删除提出的申诉，或针对作者被封号提出的申诉（解封账户时，随封号一起消失的帖子也会恢复）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="96"/>
        <source>Of those, posts that had disappeared with their banned author and came back when the ban was overturned (any kind; posts a rule took down stay down unless their own removal is appealed)</source>
        <translation>其中随作者被封而消失、在封号被撤销后随账户一起恢复的帖子（任何类型；被规则删除的帖子仍保持删除，除非针对该帖子的删除另行申诉）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="97"/>
        <source>Restricted-offer volume: offers of restricted items published that day, in every channel (the feed, chats and groups)</source>
        <translation>违禁商品信息量：当天在所有渠道（朋友圈、私聊和群聊）发布的违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="99"/>
        <source>Offers of restricted items taken down that day by any cause</source>
        <translation>当天因任何原因被删除的违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="100"/>
        <source>Offers published that day that were taken down the same day</source>
        <translation>当天发布并在当天被删除的违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="101"/>
        <source>Spam and offers published that day that were taken down the same day</source>
        <translation>当天发布并在当天被删除的垃圾信息和违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="102"/>
        <source>Offers of restricted items published that day, by channel</source>
        <translation>当天发布的违禁商品信息，按渠道分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="103"/>
        <source>Reach of restricted offers in the Moments feed: times a user was shown one there</source>
        <translation>违禁商品信息在朋友圈的触达：用户在朋友圈看到此类信息的次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="105"/>
        <source>Times an offer was read, by channel (moments equals impressions.offer)</source>
        <translation>违禁商品信息被阅读的次数，按渠道分（朋友圈一项等于 impressions.offer）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="106"/>
        <source>Times a user was shown a post in the Moments feed (expected views after the feed&apos;s fading, removals and the readers&apos; attention)</source>
        <translation>用户在朋友圈看到帖子的次数（考虑朋友圈的衰减、删除和读者注意力后的期望浏览量）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="107"/>
        <source>All Moments impressions that day</source>
        <translation>当天朋友圈的全部曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="108"/>
        <source>Moments impressions users would have had with unlimited attention</source>
        <translation>如果注意力不受限，用户本会获得的朋友圈曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="109"/>
        <source>Share of what friends&apos; posts offered that users had the attention to read (impressions_total / feed_supply)</source>
        <translation>好友帖子中用户有精力读到的比例（impressions_total / feed_supply）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="110"/>
        <source>Users on the feed offered more than attention.posts_per_day that day</source>
        <translation>当天朋友圈内容超过 attention.posts_per_day 的用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="112"/>
        <source>Mean half-life of the day&apos;s Moments posts (emergent: feed depth ÷ how fast the readers&apos; feeds move)</source>
        <translation>当天朋友圈帖子的平均半衰期（自然形成：阅读深度 ÷ 读者朋友圈刷新的速度）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="114"/>
        <source>Posts arriving in the feed of a user on the feed that day, on average</source>
        <translation>当天平均每个朋友圈用户收到的帖子数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="115"/>
        <source>Harm: restricted units sold that day through offers, in every channel (expected units)</source>
        <translation>危害：当天通过违禁商品信息在所有渠道卖出的违禁品件数（期望件数）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="117"/>
        <source>Restricted units sold, by the channel of the offer that sold them</source>
        <translation>卖出的违禁品件数，按成交信息所在的渠道分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="118"/>
        <source>Restricted units sold to buyers who sought the seller out, and to users reached by an unsolicited offer</source>
        <translation>卖给主动找上门的买家的违禁品件数，以及卖给被主动推销触达的用户的件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="119"/>
        <source>Restricted units sold, by the kind of account that sold them</source>
        <translation>卖出的违禁品件数，按卖家账号类型分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="120"/>
        <source>What restricted sellers earned that day</source>
        <translation>违禁品卖家当天的收入</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="122"/>
        <source>Advertising Circle index: impressions of ads, spam and restricted offers / all impressions</source>
        <translation>“广告圈”指数：广告、垃圾信息和违禁商品信息的曝光 / 全部曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="123"/>
        <source>Prevalence of violating content: impressions of spam and restricted offers / all impressions</source>
        <translation>违规内容流行率：垃圾信息和违禁商品信息的曝光 / 全部曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="124"/>
        <source>Restricted sellers able to post at the end of the day</source>
        <translation>当天结束时仍能发帖的违禁品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="125"/>
        <source>Restricted sellers able to post at the end of the day, by the channel they sell in</source>
        <translation>当天结束时仍能发帖的违禁品卖家，按销售渠道分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="126"/>
        <source>Restricted sellers able to post at the end of the day on an official account</source>
        <translation>当天结束时使用官方账号且仍能发帖的违禁品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="127"/>
        <source>Sellers whose official (enterprise) account was verified that day</source>
        <translation>当天官方（企业）账号通过认证的卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="129"/>
        <source>Sellers&apos; official-account applications the verification refused that day</source>
        <translation>当天被认证拒绝的卖家官方账号申请</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="130"/>
        <source>Deterrence: extra risk weight sellers of the category carry from the enforcement they saw among their peers and the announcements they heard (0 = none; they weigh 1 + this times their own risk)</source>
        <translation>威慑：该类别卖家因看到同行受处罚、听到公告而额外承担的风险权重（0 = 没有；他们按自身风险的 1 + 该值倍来权衡）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="132"/>
        <source>Spammers able to post at the end of the day</source>
        <translation>当天结束时仍能发帖的垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="133"/>
        <source>Micro-merchants able to post at the end of the day</source>
        <translation>当天结束时仍能发帖的微商</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="134"/>
        <source>New restricted sellers drawn in by demand and profit</source>
        <translation>被需求和利润吸引来的新违禁品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="135"/>
        <source>New spammers drawn in by what spam earns</source>
        <translation>被垃圾信息收益吸引来的新垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="136"/>
        <source>Spammers who quit because risk outweighed profit</source>
        <translation>因风险大于利润而退出的垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="137"/>
        <source>Banned accounts that came back under a new, friendless account</source>
        <translation>被封后以没有好友的新账号卷土重来的账户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="138"/>
        <source>Re-registrations on a new device (device matching cannot link them) or on a bought aged account</source>
        <translation>在新设备上（设备匹配无法关联）或用买来的老账号重新注册的次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="139"/>
        <source>Sellers who quit because risk outweighed profit</source>
        <translation>因风险大于利润而退出的卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="140"/>
        <source>Warnings given (actions, not accounts: an account warned twice counts twice); wrongful when the account posted nothing violating in the wrongful window (engine.wrongful_window_days) before it</source>
        <translation>发出的警告（按次数计，而非账户数：同一账户被警告两次计两次）；若账户在此前的误判窗口（engine.wrongful_window_days）内没有发布任何违规内容，则为误判</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="142"/>
        <source>Posting restrictions imposed (actions, not accounts); wrongful as for warnings</source>
        <translation>实施的发帖限制（按次数计，而非账户数）；误判标准同警告</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="144"/>
        <source>Bans imposed (actions, not accounts: an account reinstated on appeal and banned again counts twice); wrongful when the account posted nothing violating in the wrongful window (engine.wrongful_window_days) before it</source>
        <translation>实施的封号（按次数计，而非账户数：申诉解封后再次被封的账户计两次）；若账户在此前的误判窗口（engine.wrongful_window_days）内没有发布任何违规内容，则为误封</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="146"/>
        <source>Accounts that a wrongful warning, restriction or ban reached that day for the first time in the run: summed over days, the distinct innocent accounts any strike reached (each counted once, however many actions it got)</source>
        <translation>当天在本次运行中第一次受到误判的警告、发帖限制或封号的账户：逐日相加即为被任何处置波及的不同无辜账户数（每个账户只计一次，无论受到多少次处置）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="147"/>
        <source>Accounts banned wrongfully that day for the first time in the run: summed over days, the distinct accounts banned wrongfully (an account reinstated and banned again counts once)</source>
        <translation>当天在本次运行中第一次被误封的账户：逐日相加即为被误封的不同账户数（解封后再次被封的账户只计一次）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="148"/>
        <source>Appeals lodged against a removal, restriction or ban</source>
        <translation>针对删帖、限制或封号提出的申诉</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="150"/>
        <source>Appeals decided in the user&apos;s favour</source>
        <translation>判定用户胜诉的申诉</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="153"/>
        <source>Decisions about posts older than the retention window (engine.retention_days), which can no longer change them (a review or appeal slower than the window)</source>
        <translation>针对超过保留窗口（engine.retention_days）的帖子作出的决定，已无法再改变这些帖子（审核或申诉比窗口更慢）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="155"/>
        <source>Items sent to human review (a policy without reviewers, no enforcement.review, queues none)</source>
        <translation>送交人工审核的内容（没有审核员的策略，即没有 enforcement.review 的策略，不会排入任何内容）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="156"/>
        <source>Items human reviewers finished</source>
        <translation>人工审核完成的内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="157"/>
        <source>Items waiting for a reviewer at the end of the day</source>
        <translation>当天结束时等待审核员处理的内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="158"/>
        <source>Reviewer hours spent</source>
        <translation>审核员花费的工时</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="160"/>
        <source>Mean hours from posting to removal, over the day&apos;s removals by moderation</source>
        <translation>当天审核删除的帖子从发布到删除的平均小时数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="161"/>
        <source>Posts shown with a warning label</source>
        <translation>带警示标签显示的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="162"/>
        <source>Posts shown less</source>
        <translation>被降低展示的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="163"/>
        <source>Offers published, by how they were written</source>
        <translation>发布的违禁商品信息，按写法分类</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="164"/>
        <source>Share of the day&apos;s restricted offers written to evade filters (any style but none)</source>
        <translation>当天违禁商品信息中为躲避过滤而变形书写的比例（除“无”以外的任何写法）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="165"/>
        <source>User reports filed</source>
        <translation>用户提交的举报</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="167"/>
        <source>Regular users using the feed</source>
        <translation>正在使用朋友圈的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="168"/>
        <source>Regular users who have left the feed and not come back</source>
        <translation>已离开朋友圈且没有回来的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="169"/>
        <source>Potential users who have not joined the feed yet</source>
        <translation>还没有加入朋友圈的潜在用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="170"/>
        <source>Users who left the feed that day, tired of ads</source>
        <translation>当天因厌倦广告而离开朋友圈的用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="172"/>
        <source>Users who came back to the feed that day</source>
        <translation>当天回到朋友圈的用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="173"/>
        <source>New users who joined the feed that day</source>
        <translation>当天新加入朋友圈的用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="174"/>
        <source>Precision of what moderation decided: of the posts moderation took down (rules, reviews, reports), the share that were violating. Posts swept away with a banned author are left out (see removal_precision)</source>
        <translation>审核决定的精确率：审核（规则、人工审核、举报）删除的帖子中，违规内容所占的比例。随被封作者一并删除的帖子不计入（见 removal_precision）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="175"/>
        <source>Precision of all removals: of every post taken down (including those swept away with a banned author), the share that were violating</source>
        <translation>全部删除的精确率：所有被删除的帖子（包括随被封作者一并删除的）中，违规内容所占的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="176"/>
        <source>Same-day recall: share of the day&apos;s violating posts (spam and offers) taken down the same day</source>
        <translation>当日召回率：当天发布的违规帖子（垃圾信息和违禁商品信息）中当天被删除的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="177"/>
        <source>Same-day recall per category: share of the day&apos;s offers taken down the same day</source>
        <translation>分类别当日召回率：当天发布的违禁商品信息中当天被删除的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="178"/>
        <source>The scenario the run simulated</source>
        <translation>这次运行模拟的场景</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="179"/>
        <source>The policy in force (name · version)</source>
        <translation>生效的策略（名称 · 版本）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="180"/>
        <source>The seed of the run&apos;s random streams</source>
        <translation>这次运行随机数的种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="181"/>
        <source>Days simulated</source>
        <translation>模拟的天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="182"/>
        <source>The scenario&apos;s population: accounts when the world was built, before the warm-up (users on the feed, merchants, sellers, spammers); people who might join later are not accounts yet</source>
        <translation>场景的人口：世界建立时（预热之前）的账户数（朋友圈里的用户、商户、卖家、垃圾信息发布者）；以后可能加入的人还不算账户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="183"/>
        <source>Accounts registered by the end: those of accounts_start and every one made since, warm-up included (users who joined, newcomers, re-registrations); banned, exited and churned ones counted, people who never joined not</source>
        <translation>到结束时已注册的账户数：accounts_start 的账户加上之后新建的每个账户，包括预热期间的（加入的用户、新来者、重新注册的账户）；被封禁、退出和流失的账户计入，从未加入的人不计入</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="184"/>
        <source>Seconds the computer took for the run</source>
        <translation>电脑完成这次运行所用的秒数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="186"/>
        <source>Posts simulated per second of computing</source>
        <translation>每秒计算模拟的帖子数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="188"/>
        <source>Posts made during the run&apos;s days</source>
        <translation>运行期间发布的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="189"/>
        <source>Of the run&apos;s own posts, those down at the end (taken down and not restored)</source>
        <translation>运行期间发布的帖子中，结束时已被删除（删除且未恢复）的</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="190"/>
        <source>Of the run&apos;s own posts, those still up at the end (posts_created = posts_removed + posts_surviving)</source>
        <translation>运行期间发布的帖子中，结束时仍在的（posts_created = posts_removed + posts_surviving）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="191"/>
        <source>Posts made during the warm-up before day 0, still in the feed when the run began</source>
        <translation>第 0 天之前预热期发布、运行开始时仍在朋友圈中的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="192"/>
        <source>Of the posts carried in, those taken down during the run</source>
        <translation>预热期带入的帖子中，运行期间被删除的</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="193"/>
        <source>Offers of restricted items made during the run</source>
        <translation>运行期间发布的违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="195"/>
        <source>Spam posts made during the run</source>
        <translation>运行期间发布的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="196"/>
        <source>Times a user was shown a restricted offer in the Moments feed (chats and groups: offer_reach)</source>
        <translation>用户在朋友圈看到违禁商品信息的次数（私聊和群聊见 offer_reach）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="198"/>
        <source>Times a user was shown spam</source>
        <translation>用户看到垃圾信息的次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="199"/>
        <source>Harm: restricted units sold during the run, every channel</source>
        <translation>危害：运行期间所有渠道卖出的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="201"/>
        <source>Restricted units sold through offers in the Moments feed</source>
        <translation>通过朋友圈违禁商品信息卖出的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="202"/>
        <source>Restricted units sold through one-to-one chats and group chats</source>
        <translation>通过私聊和群聊卖出的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="203"/>
        <source>Restricted units sold to users reached by an offer they did not seek</source>
        <translation>卖给被非主动寻求的信息触达的用户的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="204"/>
        <source>Restricted units sold by sellers on official (enterprise) accounts</source>
        <translation>使用官方（企业）账号的卖家卖出的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="205"/>
        <source>Harm over the last 7 days: restricted units sold per day</source>
        <translation>最后 7 天的危害：每天卖出的违禁品件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="206"/>
        <source>Share of the last 7 days&apos; restricted sales made in chats and groups</source>
        <translation>最后 7 天的违禁品销售中在私聊和群聊成交的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="207"/>
        <source>Advertising Circle index over the first 7 days (ads, spam and offers / all impressions)</source>
        <translation>前 7 天的“广告圈”指数（广告、垃圾信息和违禁商品信息 / 全部曝光）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="208"/>
        <source>Advertising Circle index over the last 7 days</source>
        <translation>最后 7 天的“广告圈”指数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="209"/>
        <source>Prevalence over the last 7 days: impressions of spam and offers / all impressions</source>
        <translation>最后 7 天的流行率：垃圾信息和违禁商品信息的曝光 / 全部曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="210"/>
        <source>Restricted-offer volume in every channel, mean over the first 7 days</source>
        <translation>所有渠道的违禁商品信息量，前 7 天的平均值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="211"/>
        <source>Restricted-offer volume in every channel, mean over the last 7 days</source>
        <translation>所有渠道的违禁商品信息量，最后 7 天的平均值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="212"/>
        <source>Days from the policy&apos;s start until the 7-day mean of restricted-offer volume (every channel) is half its level in the week before the start (the days before, when it starts within the first week; empty if it never halves or starts on day 0). Across seeds, a seed where it never halved counts as longer than the run went on after the start: a median over every seed, no mean of the seeds that halved</source>
        <translation>从策略开始到违禁商品信息量（所有渠道）的 7 天均值降到开始前一周水平的一半所用的天数（策略在第一周内开始时以开始前的几天为准；从未减半或从第 0 天开始则为空）。跨随机种子汇总时，从未减半的随机种子按“比运行在开始后持续的天数更长”计：给出所有随机种子的中位数，而不是只对已减半的随机种子求均值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="213"/>
        <source>When restricted-offer volume had a level to halve but never halved within the run: the days the run went on after the policy&apos;s start, which its days to halve exceed (known only from below: a longer run may show it halve, or not); empty when it halved</source>
        <translation>违禁商品信息量有可减半的基准、但在运行期内从未减半时：策略开始后运行又持续的天数，减半所需天数超过此值（只知下限：更长的运行可能会看到它减半，也可能不会）；已减半则为空</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="214"/>
        <source>Share of the last 7 days&apos; offers written to evade filters</source>
        <translation>最后 7 天的违禁商品信息中为躲避过滤而变形书写的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="215"/>
        <source>Bans of accounts that had posted something violating in the wrongful window (bans, not accounts: an account banned twice counts twice)</source>
        <translation>对在误判窗口内发布过违规内容的账户的封号次数（按次数计，而非账户数：被封两次的账户计两次）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="217"/>
        <source>Bans of accounts that had posted nothing violating in the wrongful window (bans, not accounts: an account reinstated on appeal and banned again counts twice; accounts_wrongly_banned counts the accounts)</source>
        <translation>对在误判窗口内没有发布过违规内容的账户的封号次数（按次数计，而非账户数：申诉解封后再次被封的账户计两次；账户数见 accounts_wrongly_banned）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="218"/>
        <source>Accounts banned at least once with nothing violating in the wrongful window: the innocent people a ban reached, each counted once</source>
        <translation>在误判窗口内没有发布违规内容却至少被封过一次的账户数：被封号波及的无辜用户，每人只计一次</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="219"/>
        <source>Wrongful bans per 10,000 accounts at the start (bans, not accounts: accounts_wrongly_banned_per_10k_accounts counts each account once)</source>
        <translation>每一万个初始账户的误封次数（按次数计，而非账户数：每个账户只计一次的见 accounts_wrongly_banned_per_10k_accounts）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="221"/>
        <source>Accounts banned wrongfully at least once, per 10,000 accounts at the start</source>
        <translation>至少被误封过一次的账户数，按每一万个初始账户计</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="223"/>
        <source>Warnings, posting restrictions and bans of accounts that had posted nothing violating in the wrongful window, per 10,000 accounts at the start: actions, not accounts (an account warned, restricted, then banned counts three times; accounts_wrongly_struck_per_10k_accounts counts each account once)</source>
        <translation>对在误判窗口内未发布任何违规内容的账户发出的警告、发帖限制和封号的次数，按每一万个初始账户计：按处置次数计，而非账户数（先被警告、再被限制、最后被封的账户计三次；每个账户只计一次的见 accounts_wrongly_struck_per_10k_accounts）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="225"/>
        <source>Accounts that got at least one warning, posting restriction or ban with nothing violating in the wrongful window: every innocent user a strike reached, not only those banned, each counted once</source>
        <translation>在误判窗口内没有发布违规内容却至少受到一次警告、发帖限制或封号的账户数：计入每一个被处置波及的无辜用户，而不只是被封号的，每人只计一次</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="226"/>
        <source>Accounts that a wrongful warning, posting restriction or ban reached, per 10,000 accounts at the start</source>
        <translation>受到误判的警告、发帖限制或封号的账户数，按每一万个初始账户计</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="151"/>
        <source>Bans overturned after an appeal (the account reinstated)</source>
        <translation>申诉后撤销的封号次数（账户被解封）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="152"/>
        <source>Posting restrictions lifted early after an appeal</source>
        <translation>申诉后提前解除的发帖限制次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="227"/>
        <source>Life posts and legal ads taken down by moderation (rules, reviews, reports)</source>
        <translation>被审核（规则、人工审核、举报）删除的生活动态和合法广告</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="228"/>
        <source>Life posts and legal ads taken down by moderation, and those that disappeared with their wrongfully banned author: every innocent post the policy cost</source>
        <translation>被审核删除的生活动态和合法广告，加上随被误封的作者一起消失的：策略让无辜用户损失的全部帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="229"/>
        <source>Of the posts moderation took down, the share that were violating</source>
        <translation>审核删除的帖子中，违规内容所占的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="230"/>
        <source>Of every post taken down (including those swept away with a banned author), the share that were violating</source>
        <translation>所有被删除的帖子（包括随被封作者一并删除的）中，违规内容所占的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="231"/>
        <source>Of the violating posts made during the run, the share down at its end</source>
        <translation>运行期间发布的违规帖子中，结束时已被删除的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="232"/>
        <source>Of the violating posts made during the run, the share taken down on the day they were posted</source>
        <translation>运行期间发布的违规帖子中，在发布当天被删除的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="233"/>
        <source>Appeals lodged</source>
        <translation>提出的申诉</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="235"/>
        <source>Removed posts put back after an appeal: against the post&apos;s removal, or against its author&apos;s ban (a reinstated account gets back the posts its ban took down)</source>
        <translation>申诉后恢复的已删除帖子：针对帖子本身的删除提出的申诉，或针对作者被封号提出的申诉（解封的账户会找回随封号一起被删除的帖子）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="236"/>
        <source>Of those, posts that came back with their author when a ban was overturned</source>
        <translation>其中在封号被撤销时随作者一起恢复的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="237"/>
        <source>Banned sellers and spammers who came back under a new account</source>
        <translation>被封后用新账号卷土重来的卖家和垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="238"/>
        <source>New restricted sellers drawn in during the run</source>
        <translation>运行期间被吸引来的新违禁品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="239"/>
        <source>Sellers who registered an official (enterprise) account</source>
        <translation>注册了官方（企业）账号的卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="240"/>
        <source>New spammers drawn in during the run</source>
        <translation>运行期间被吸引来的新垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="241"/>
        <source>Regular users away from the feed on the last day (left and not come back)</source>
        <translation>最后一天不在朋友圈的普通用户（离开后没有回来）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="242"/>
        <source>Times a user left the feed during the run</source>
        <translation>运行期间用户离开朋友圈的次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="244"/>
        <source>Times a user who had left came back</source>
        <translation>离开的用户回来的次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="246"/>
        <source>New users who joined the feed during the run</source>
        <translation>运行期间新加入朋友圈的用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="247"/>
        <source>Restricted-offer impressions in the Moments feed avoided, as a share of the baseline&apos;s in the same world and seed</source>
        <translation>避免的朋友圈违禁商品信息曝光，占同一世界、同一随机种子下基线的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="249"/>
        <source>Spam impressions avoided, as a share of the baseline&apos;s in the same world and seed</source>
        <translation>避免的垃圾信息曝光，占同一世界、同一随机种子下基线的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="250"/>
        <source>Impressions of spam and offers avoided, as a share of the baseline&apos;s in the same world and seed</source>
        <translation>避免的垃圾信息和违禁商品信息曝光，占同一世界、同一随机种子下基线的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="251"/>
        <source>Restricted units sold avoided (every channel), as a share of the baseline&apos;s in the same world and seed: what a policy did to sales, not only to what users saw</source>
        <translation>避免卖出的违禁品件数（所有渠道），占同一世界、同一随机种子下基线的比例：策略对销售的作用，而不只是对用户所见内容的作用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="252"/>
        <source>Restricted units sold through the Moments feed avoided, as a share of the baseline&apos;s</source>
        <translation>避免通过朋友圈卖出的违禁品件数，占基线的比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="253"/>
        <source>Restricted units sold in chats and groups avoided, as a share of the baseline&apos;s (negative when selling moved there: displacement)</source>
        <translation>避免在私聊和群聊卖出的违禁品件数，占基线的比例（销售转移到那里时为负：转移效应）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="254"/>
        <source>Posts the rule fired on (at upload or after reports; shadow hits included)</source>
        <translation>规则命中的帖子（发布时或被举报后；包括影子命中）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="255"/>
        <source>Hits on violating posts (spam or offers)</source>
        <translation>命中违规帖子（垃圾信息或违禁商品信息）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="256"/>
        <source>Hits on life posts and legal ads</source>
        <translation>命中生活动态和合法广告</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="257"/>
        <source>Posts this rule took down (directly, or when a reviewer confirmed it)</source>
        <translation>这条规则删除的帖子（直接删除，或经审核员确认后删除）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="258"/>
        <source>Of those, life posts and legal ads</source>
        <translation>其中的生活动态和合法广告</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="259"/>
        <source>Posts the rule sent to human review</source>
        <translation>这条规则送交人工审核的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="260"/>
        <source>Hits of a shadow rule (counted, never acted on)</source>
        <translation>影子规则的命中（只计数，不处置）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="261"/>
        <source>Warnings, restrictions and bans the rule caused (directly or through its strikes)</source>
        <translation>这条规则造成的警告、限制和封号（直接或通过违规记录累计）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="263"/>
        <source>Of those, against accounts that posted nothing violating in the wrongful window</source>
        <translation>其中针对在误判窗口内没有发布违规内容的账户的</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="264"/>
        <source>Bans the rule caused (directly or through its strikes)</source>
        <translation>这条规则造成的封号（直接或通过违规记录累计）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="265"/>
        <source>Of those, wrongful (as for bans)</source>
        <translation>其中的误封（判定同封号）</translation>
    </message>
</context>
<context>
    <name>MeasureTable</name>
    <message>
        <location filename="../../app/measures.py" line="127"/>
        <source>Click a measure for its definition</source>
        <translation>点击一个指标查看它的定义</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <location filename="model_texts.py" line="266"/>
        <source>scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="267"/>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="268"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="269"/>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="270"/>
        <source>accounts start</source>
        <translation>开始时账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="271"/>
        <source>accounts end</source>
        <translation>结束时账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="272"/>
        <source>wall seconds</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="273"/>
        <source>posts per second</source>
        <translation>每秒模拟帖子数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="274"/>
        <source>posts created</source>
        <translation>发布的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="275"/>
        <source>posts removed</source>
        <translation>删除的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="276"/>
        <source>posts surviving</source>
        <translation>留存的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="277"/>
        <source>posts carried in</source>
        <translation>预热期带入的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="278"/>
        <source>carried in removed</source>
        <translation>带入后被删除的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="279"/>
        <source>offers created</source>
        <translation>发布的违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="280"/>
        <source>spam created</source>
        <translation>发布的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="281"/>
        <source>offer impressions</source>
        <translation>违禁商品信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="282"/>
        <source>spam impressions</source>
        <translation>垃圾信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="283"/>
        <source>units sold</source>
        <translation>卖出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="284"/>
        <source>units sold moments</source>
        <translation>朋友圈卖出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="285"/>
        <source>units sold private</source>
        <translation>私聊群聊卖出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="286"/>
        <source>units sold unsolicited</source>
        <translation>主动推销卖出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="287"/>
        <source>units sold official</source>
        <translation>官方账号卖出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="288"/>
        <source>units per day last week</source>
        <translation>最后一周每天件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="289"/>
        <source>private share last week</source>
        <translation>最后一周私聊群聊占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="290"/>
        <source>ad share first week</source>
        <translation>第一周广告占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="291"/>
        <source>ad share last week</source>
        <translation>最后一周广告占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="292"/>
        <source>prevalence last week</source>
        <translation>最后一周流行率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="293"/>
        <source>offers per day first week</source>
        <translation>第一周每天违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="294"/>
        <source>offers per day last week</source>
        <translation>最后一周每天违禁商品信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="295"/>
        <source>days to halve</source>
        <translation>减半所需天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="296"/>
        <source>never halved: days after start</source>
        <translation>未减半：政策开始后运行天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="297"/>
        <source>obfuscated share last week</source>
        <translation>最后一周变形书写比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="298"/>
        <source>bans correct</source>
        <translation>正确封号次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="299"/>
        <source>bans wrongful</source>
        <translation>误封次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="300"/>
        <source>accounts wrongly banned</source>
        <translation>被误封账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="301"/>
        <source>wrongful bans per 10,000 accounts</source>
        <translation>每万账户误封次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="302"/>
        <source>accounts wrongly banned per 10,000 accounts</source>
        <translation>每万账户被误封账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="303"/>
        <source>wrongful account actions per 10,000 accounts</source>
        <translation>每万账户误处置次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="304"/>
        <source>accounts wrongly struck</source>
        <translation>受误处置账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="305"/>
        <source>accounts wrongly struck per 10,000 accounts</source>
        <translation>每万账户受误处置账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="306"/>
        <source>wrongful removals</source>
        <translation>误删（帖子）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="307"/>
        <source>innocent posts removed</source>
        <translation>被删的无辜帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="308"/>
        <source>moderation precision</source>
        <translation>审核精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="309"/>
        <source>removal precision</source>
        <translation>删除精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="310"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="311"/>
        <source>recall same day</source>
        <translation>当日召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="312"/>
        <source>appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="313"/>
        <source>overturned</source>
        <translation>申诉成功</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="314"/>
        <source>posts restored</source>
        <translation>恢复的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="315"/>
        <source>restored with reinstated author</source>
        <translation>随解封账户恢复的帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="316"/>
        <source>bans overturned</source>
        <translation>撤销的封号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="317"/>
        <source>reregistrations</source>
        <translation>重新注册</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="318"/>
        <source>seller entries</source>
        <translation>新进卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="319"/>
        <source>seller exits</source>
        <translation>退出卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="320"/>
        <source>official registrations</source>
        <translation>官方账号注册</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="321"/>
        <source>spammer entries</source>
        <translation>新进垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="322"/>
        <source>spammer exits</source>
        <translation>退出垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="323"/>
        <source>reviewer hours</source>
        <translation>审核工时</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="324"/>
        <source>regular churned</source>
        <translation>流失的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="325"/>
        <source>regular left</source>
        <translation>离开的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="326"/>
        <source>regular returned</source>
        <translation>回来的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="327"/>
        <source>regular joined</source>
        <translation>新加入的普通用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="328"/>
        <source>offer impressions avoided</source>
        <translation>避免的违禁商品信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="329"/>
        <source>spam impressions avoided</source>
        <translation>避免的垃圾信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="330"/>
        <source>violating impressions avoided</source>
        <translation>避免的违规内容曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="331"/>
        <source>harm avoided</source>
        <translation>避免的危害</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="332"/>
        <source>moments harm avoided</source>
        <translation>朋友圈避免的危害</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="333"/>
        <source>private harm avoided</source>
        <translation>私聊群聊避免的危害</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="334"/>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="335"/>
        <source>true positives</source>
        <translation>真阳性</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="336"/>
        <source>false positives</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="337"/>
        <source>removals</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="338"/>
        <source>reviews</source>
        <translation>送审</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="339"/>
        <source>shadow hits</source>
        <translation>影子命中</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="340"/>
        <source>account actions</source>
        <translation>账户处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="341"/>
        <source>wrongful account actions</source>
        <translation>错误的账户处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="342"/>
        <source>bans</source>
        <translation>封号次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="343"/>
        <source>wrongful bans</source>
        <translation>误封次数</translation>
    </message>
</context>
<context>
    <name>ParamHelp</name>
    <message>
        <location filename="model_texts.py" line="26"/>
        <source>Seed of the run&apos;s random streams</source>
        <translation>这次运行随机数的种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="27"/>
        <source>Days simulated</source>
        <translation>模拟的天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="28"/>
        <source>Accounts at the start of the run</source>
        <translation>运行开始时的账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="29"/>
        <source>Share selling legal goods (cosmetics, food, clothes)</source>
        <translation>销售合法商品（化妆品、食品、服装）的账户比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="30"/>
        <source>Share selling restricted goods at the start</source>
        <translation>开始时销售违禁商品的账户比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="31"/>
        <source>Share sending scams, link farms, unsolicited blasts</source>
        <translation>发送诈骗、引流链接、骚扰群发的账户比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="32"/>
        <source>Life posts per regular user per day</source>
        <translation>每个普通用户每天发布的生活动态数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="33"/>
        <source>Ad posts per micro-merchant per day</source>
        <translation>每个微商每天发布的广告数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="34"/>
        <source>Offer posts per restricted seller per day</source>
        <translation>每个违禁品卖家每天发布的违禁商品信息数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="35"/>
        <source>Spam posts per spammer per day</source>
        <translation>每个垃圾号每天发布的垃圾信息数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="36"/>
        <source>How far down the feed a user reads: a post fades as newer posts bury it, with a half-life of 0.69 × feed_depth ÷ the posts arriving per hour in its readers&apos; feeds</source>
        <translation>用户在朋友圈往下读多深：帖子会被更新的帖子压下去而淡出，半衰期为 0.69 × feed_depth ÷ 读者朋友圈每小时收到的帖子数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="37"/>
        <source>Probability that an active friend would see a post over its life if they had the time to read everything (attention.posts_per_day caps what they read)</source>
        <translation>如果有时间读完所有内容，一位活跃好友在帖子存续期间看到它的概率（attention.posts_per_day 限制了读多少）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="38"/>
        <source>Posts a user reads in the Moments feed per day at most: when friends offer more, each is read with a proportionally lower chance, so a removed or downranked post frees room that the others take</source>
        <translation>用户每天在朋友圈最多读多少条：好友发得更多时，每条被读到的机会按比例降低，所以被删除或降权的帖子腾出的位置会被其他帖子占据</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="39"/>
        <source>Share of peers&apos; bans a seller hears of (the &apos;account banned&apos; notice its contacts see)</source>
        <translation>卖家能听说的同行被封的比例（其联系人看到的“账号已被封”提示）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="40"/>
        <source>Evasion skill of a newcomer: the chance that a new seller or spammer obfuscates</source>
        <translation>新手的规避技巧：新卖家或垃圾号变形书写的概率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="41"/>
        <source>How much evasion know-how a seller or spammer gains on a day it loses a post: its skill (the chance it obfuscates when it chooses how to write) moves this share of the way to 1</source>
        <translation>卖家或垃圾号在有帖子被删的那天学到多少规避技巧：它的技巧（选择写法时变形书写的概率）向 1 靠近这个比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="42"/>
        <source>Daily probability that a seller that has not just lost an offer reconsiders how it sells: moves to the channel where an offer earns most after the removals it sees there, and registers an official account when one pays</source>
        <translation>没有刚被删信息的卖家每天重新考虑销售方式的概率：转到扣除所见删除后收益最高的渠道，并在划算时注册官方账号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="43"/>
        <source>Probability a banned seller opens a new account</source>
        <translation>被封卖家重新开新账号的概率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="44"/>
        <source>Mean days before a banned seller re-registers</source>
        <translation>被封卖家重新注册前的平均天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="45"/>
        <source>New restricted sellers per day per 10,000 accounts at average demand and profit</source>
        <translation>在平均需求和利润下，每万账户每天新增的违禁品卖家数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="46"/>
        <source>Probability a banned spammer opens a new account</source>
        <translation>被封垃圾号重新开新账号的概率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="47"/>
        <source>New spammers per day per 10,000 accounts when spam pays its reference profit</source>
        <translation>垃圾信息达到参考利润时，每万账户每天新增的垃圾号数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="48"/>
        <source>Share of a re-registered account&apos;s new contacts that are old customers found again through its groups (the rest are new people of the same community)</source>
        <translation>重新注册的账号的新联系人中，通过群重新找回的老顾客所占比例（其余是同一圈子里的新人）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="49"/>
        <source>Ad share of what a user sees above which the user grows tired</source>
        <translation>用户看到的内容中广告占比超过这个值，用户就会厌倦</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="50"/>
        <source>Remembered ad share below which a user who left may come back</source>
        <translation>离开的用户记忆中的广告占比低于这个值时，可能会回来</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <location filename="model_texts.py" line="1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="2"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="3"/>
        <source>Accounts</source>
        <translation>账户数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="4"/>
        <source>Micro-merchants</source>
        <translation>微商</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="5"/>
        <source>Restricted sellers</source>
        <translation>违禁品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="6"/>
        <source>Spammers</source>
        <translation>垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="7"/>
        <source>Life posts per user</source>
        <translation>每人每天生活动态</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="8"/>
        <source>Ads per merchant</source>
        <translation>每个微商的广告数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="9"/>
        <source>Offers per seller</source>
        <translation>每个卖家的违禁信息数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="10"/>
        <source>Spam per spammer</source>
        <translation>每个垃圾号的垃圾信息数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="11"/>
        <source>Feed depth</source>
        <translation>信息流阅读深度</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="12"/>
        <source>View probability</source>
        <translation>浏览概率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="13"/>
        <source>Posts read per day</source>
        <translation>每日阅读帖子数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="14"/>
        <source>Ban visibility</source>
        <translation>封号可见度</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="15"/>
        <source>Initial evasion</source>
        <translation>初始规避率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="16"/>
        <source>Evasion learning</source>
        <translation>规避学习</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="17"/>
        <source>Sellers reconsider</source>
        <translation>卖家重新权衡概率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="18"/>
        <source>Seller re-registration</source>
        <translation>卖家重新注册</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="19"/>
        <source>Re-registration delay</source>
        <translation>重新注册延迟</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="20"/>
        <source>New sellers</source>
        <translation>新卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="21"/>
        <source>Spammer re-registration</source>
        <translation>垃圾号重新注册</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="22"/>
        <source>New spammers</source>
        <translation>新垃圾号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="23"/>
        <source>Customers re-found</source>
        <translation>找回老客户比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="24"/>
        <source>Churn threshold</source>
        <translation>流失阈值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="25"/>
        <source>Return threshold</source>
        <translation>回流阈值</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../../app/policy_editor.py" line="186"/>
        <source>internal error: {0}</source>
        <translation>内部错误：{0}</translation>
    </message>
    <message>
        <location filename="../../app/policy_editor.py" line="204"/>
        <source>lint failed: {0}</source>
        <translation>警告检查失败：{0}</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../app/panels/policy.py" line="109"/>
        <source>Load a preset policy into the editor (undoable)</source>
        <translation>将预设策略载入编辑器（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="114"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="117"/>
        <source>Put this policy in force from the next day (Ctrl+Enter)</source>
        <translation>自下一天起启用此策略（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="122"/>
        <source>Apply policy</source>
        <translation>应用策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="126"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="135"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="136"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="138"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="161"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="162"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="163"/>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="164"/>
        <source>Strikes</source>
        <translation>违规计分</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="165"/>
        <source>Hits so far</source>
        <translation>累计命中</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="173"/>
        <source>Click a rule to inspect it</source>
        <translation>点击规则查看详情</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="385"/>
        <source>Checking the policy…</source>
        <translation>正在检查策略…</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="455"/>
        <source>YAML policies (*.yaml *.yml)</source>
        <translation>YAML 策略 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="454"/>
        <source>Save policy</source>
        <translation>保存策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="129"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="132"/>
        <source>Save to the open file; a preset or a new text asks where (Ctrl+S)</source>
        <translation>保存到当前文件；预设或新文本会询问保存位置（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="361"/>
        <source>preset {0}</source>
        <translation>预设 {0}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="362"/>
        <source>new policy</source>
        <translation>新策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="370"/>
        <source>Editing: {0}{1}</source>
        <translation>正在编辑：{0}{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="435"/>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="466"/>
        <source>The presets belong to the app; save your policy in another folder</source>
        <translation>预设属于应用本身；请把你的策略保存到其他文件夹</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="472"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="496"/>
        <source>Cannot apply: the policy has {0} problem(s); the policy in force is unchanged</source>
        <translation>无法应用：策略有 {0} 个问题；生效中的策略不变</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="519"/>
        <source>1 rule</source>
        <translation>1 条规则</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="519"/>
        <source>{0} rules</source>
        <translation>{0} 条规则</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="520"/>
        <source>✓ Valid: {0} ({1})</source>
        <translation>✓ 有效：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="523"/>
        <source>{0} — ⚠ {1} warning(s) below: it can be applied</source>
        <translation>{0} — ⚠ 下方有 {1} 条警告：仍可应用</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="530"/>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="517"/>
        <source>✗ {0} problem(s) — the policy in force is unchanged</source>
        <translation>✗ {0} 个问题 — 生效中的策略保持不变</translation>
    </message>
</context>
<context>
    <name>PolicyProblems</name>
    <message>
        <location filename="model_texts.py" line="345"/>
        <source> (did you mean &apos;{choice}&apos;?)</source>
        <translation>（是不是想写 &apos;{choice}&apos;？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="346"/>
        <source>; expected one of: {choices}</source>
        <translation>；应为以下之一：{choices}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="347"/>
        <source>{items} or {last}</source>
        <translation>{items} 或 {last}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="348"/>
        <source>no such policy file or preset{hint}</source>
        <translation>找不到这个策略文件或预设{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="349"/>
        <source>cannot read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="350"/>
        <source>UTF-16 text; save the file as UTF-8</source>
        <translation>这是 UTF-16 编码的文本；请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="351"/>
        <source>the file is larger than {size}, the limit for a file a person writes (it passes the limit on this line)</source>
        <translation>文件大于 {size}，超过了人工编写的文件的上限（在这一行超出上限）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="352"/>
        <source>not UTF-8 text (byte {bytes} at offset {offset}): a binary file, or text in another encoding; save it as UTF-8</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处的字节 {bytes}）：这是二进制文件，或是其他编码的文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="353"/>
        <source>not UTF-8 text (bytes {bytes} at offset {offset}): a binary file, or text in another encoding; save it as UTF-8</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处的字节 {bytes}）：这是二进制文件，或是其他编码的文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="354"/>
        <source>not UTF-8 text here and at {count} more place after it ({listed} listed before); save the file as UTF-8</source>
        <translation>此处及其后另外 {count} 处不是 UTF-8 文本（前面已列出 {listed} 处）；请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="355"/>
        <source>not UTF-8 text here and at {count} more places after it ({listed} listed before); save the file as UTF-8</source>
        <translation>此处及其后另外 {count} 处不是 UTF-8 文本（前面已列出 {listed} 处）；请把文件另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="356"/>
        <source>the text is longer than {size}, the limit for a file a person writes (it passes the limit on this line)</source>
        <translation>文本长于 {size}，超过了人工编写的文件的上限（在这一行超出上限）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="357"/>
        <source>binary data: control character U+{code} (a YAML file is text)</source>
        <translation>二进制数据：控制字符 U+{code}（YAML 文件应为纯文本）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="358"/>
        <source>line {line} is {length} characters long; lines may be at most {limit}</source>
        <translation>第 {line} 行有 {length} 个字符；每行最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="359"/>
        <source>{what}: the document would hold more than {limit} values with its aliases expanded (an alias bomb?)</source>
        <translation>{what}：展开别名后，文档将包含超过 {limit} 个值（别名炸弹？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="360"/>
        <source>too many values</source>
        <translation>值太多</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="361"/>
        <source>alias *{name} expands to {size} values</source>
        <translation>别名 *{name} 展开后有 {size} 个值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="362"/>
        <source>nested deeper than {limit} levels (no file a person writes needs that many)</source>
        <translation>嵌套超过 {limit} 层（人工编写的文件用不到这么多层）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="363"/>
        <source>a file holds one YAML document; a second one starts here</source>
        <translation>一个文件只能包含一个 YAML 文档；第二个文档从这里开始</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="364"/>
        <source>YAML tag {tag} is not allowed (nothing in a file runs)</source>
        <translation>不允许使用 YAML 标签 {tag}（文件中的任何内容都不会被执行）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="365"/>
        <source>{value} is not a valid {kind}</source>
        <translation>{value} 不是有效的 {kind}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="366"/>
        <source>keys must be plain text</source>
        <translation>键必须是普通文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="367"/>
        <source>duplicate key (the same key given twice)</source>
        <translation>重复的键（同一个键写了两次）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="368"/>
        <source>alias *{name} refers to the value it is inside</source>
        <translation>别名 *{name} 引用了包含它自身的值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="369"/>
        <source>unknown alias *{name} (no anchor &amp;{name} before it)</source>
        <translation>未知的别名 *{name}（前面没有锚点 &amp;{name}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="370"/>
        <source>&apos;&lt;&lt;&apos; merges mappings only</source>
        <translation>&apos;&lt;&lt;&apos; 只能合并映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="371"/>
        <source>invalid YAML: {problem}</source>
        <translation>YAML 格式错误：{problem}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="372"/>
        <source>invalid YAML: {problem} (a tab: YAML indents with spaces)</source>
        <translation>YAML 格式错误：{problem}（这里是制表符 Tab：YAML 只能用空格缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="373"/>
        <source>invalid YAML: {what} opened here is not closed ({problem}{found})</source>
        <translation>YAML 格式错误：此处开始的{what}没有闭合（{problem}{found}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="374"/>
        <source> on line {line}</source>
        <translation>，见第 {line} 行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="375"/>
        <source>invalid YAML: the flow collection opened here is not closed ({problem})</source>
        <translation>YAML 格式错误：此处开始的括号没有闭合（{problem}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="376"/>
        <source>the file is empty; expected a mapping of keys</source>
        <translation>文件是空的；应为由键组成的映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="377"/>
        <source>expected a mapping of keys, found {found}</source>
        <translation>应为由键组成的映射，实际是{found}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="378"/>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="379"/>
        <source>the value {value}</source>
        <translation>值 {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="380"/>
        <source>the flow mapping</source>
        <translation>花括号（{{）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="381"/>
        <source>the flow sequence</source>
        <translation>方括号（[）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="382"/>
        <source>the flow node</source>
        <translation>流式节点</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="383"/>
        <source>the quoted string</source>
        <translation>引号字符串</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="384"/>
        <source>mapping values are not allowed in this context</source>
        <translation>此处不允许出现“键: 值”（请检查冒号和缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="385"/>
        <source>mapping keys are not allowed in this context</source>
        <translation>此处不允许出现映射的键（请检查缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="386"/>
        <source>block sequence entries are not allowed in this context</source>
        <translation>此处不允许出现“- ”列表项（请检查缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="387"/>
        <source>could not find expected &apos;:&apos;</source>
        <translation>找不到应有的 &apos;:&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="388"/>
        <source>did not find expected key</source>
        <translation>找不到应有的键（请检查缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="389"/>
        <source>did not find expected node content</source>
        <translation>找不到应有的内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="390"/>
        <source>did not find expected &apos;-&apos; indicator</source>
        <translation>找不到应有的 &apos;-&apos; 列表标记（请检查缩进）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="391"/>
        <source>did not find expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>找不到应有的 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="392"/>
        <source>did not find expected &apos;,&apos; or &apos;}}&apos;</source>
        <translation>找不到应有的 &apos;,&apos; 或 &apos;}}&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="393"/>
        <source>did not find expected &lt;document start&gt;</source>
        <translation>找不到应有的文档开始标记（---）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="394"/>
        <source>did not find expected alphabetic or numeric character</source>
        <translation>找不到应有的字母或数字</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="395"/>
        <source>did not find expected comment or line break</source>
        <translation>此处应为注释或换行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="396"/>
        <source>did not find expected whitespace or line break</source>
        <translation>此处应为空格或换行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="397"/>
        <source>did not find expected hexdecimal number</source>
        <translation>找不到应有的十六进制数字</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="398"/>
        <source>did not find expected &apos;!&apos;</source>
        <translation>找不到应有的 &apos;!&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="399"/>
        <source>did not find expected tag URI</source>
        <translation>找不到应有的标签 URI</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="400"/>
        <source>did not find URI escaped octet</source>
        <translation>找不到 URI 转义的字节</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="401"/>
        <source>did not find expected whitespace</source>
        <translation>此处应为空格</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="402"/>
        <source>could not find expected directive name</source>
        <translation>找不到应有的指令名</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="403"/>
        <source>found unknown directive name</source>
        <translation>遇到了未知的指令名</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="404"/>
        <source>did not find expected version number</source>
        <translation>找不到应有的版本号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="405"/>
        <source>did not find expected digit or &apos;.&apos; character</source>
        <translation>找不到应有的数字或 &apos;.&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="406"/>
        <source>did not find the expected &apos;&gt;&apos;</source>
        <translation>找不到应有的 &apos;&gt;&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="407"/>
        <source>found character that cannot start any token</source>
        <translation>遇到了不能作为任何内容开头的字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="408"/>
        <source>found unexpected end of stream</source>
        <translation>文件意外结束</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="409"/>
        <source>found unexpected &apos;:&apos;</source>
        <translation>遇到了意外的 &apos;:&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="410"/>
        <source>found unexpected document indicator</source>
        <translation>遇到了意外的文档标记（--- 或 ...）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="411"/>
        <source>found a tab character that violates indentation</source>
        <translation>遇到了破坏缩进的制表符（Tab）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="412"/>
        <source>found a tab character where an indentation space is expected</source>
        <translation>应为缩进空格的地方出现了制表符（Tab）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="413"/>
        <source>found unknown escape character</source>
        <translation>遇到了未知的转义字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="414"/>
        <source>found invalid Unicode character escape code</source>
        <translation>遇到了无效的 Unicode 字符转义码</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="415"/>
        <source>found an indentation indicator equal to 0</source>
        <translation>缩进指示符不能为 0</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="416"/>
        <source>found an incorrect leading UTF-8 octet</source>
        <translation>遇到了错误的 UTF-8 首字节</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="417"/>
        <source>found an incorrect trailing UTF-8 octet</source>
        <translation>遇到了错误的 UTF-8 后续字节</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="418"/>
        <source>found undefined tag handle</source>
        <translation>遇到了未定义的标签前缀</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="419"/>
        <source>found duplicate %YAML directive</source>
        <translation>%YAML 指令重复</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="420"/>
        <source>found duplicate %TAG directive</source>
        <translation>%TAG 指令重复</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="421"/>
        <source>found incompatible YAML document</source>
        <translation>遇到了不兼容的 YAML 文档版本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="422"/>
        <source>found extremely long version number</source>
        <translation>版本号过长</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="423"/>
        <source>found unexpected non-alphabetical character</source>
        <translation>遇到了意外的非字母字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="424"/>
        <source>control characters are not allowed</source>
        <translation>不允许出现控制字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="425"/>
        <source>unknown key &apos;{key}&apos;{hint}{expected}</source>
        <translation>未知的键 &apos;{key}&apos;{hint}{expected}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="426"/>
        <source>missing required key &apos;{key}&apos;</source>
        <translation>缺少必需的键 &apos;{key}&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="427"/>
        <source>unknown {name} &apos;{tag}&apos;{hint}{expected}</source>
        <translation>未知的 {name} &apos;{tag}&apos;{hint}{expected}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="428"/>
        <source>a &apos;{name}&apos; is needed{expected}</source>
        <translation>需要 &apos;{name}&apos;{expected}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="429"/>
        <source>{message}, got {value}</source>
        <translation>{message}，实际为 {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="430"/>
        <source>at most {limit}: {reason}</source>
        <translation>最多为 {limit}：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="431"/>
        <source>Value error, {error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="432"/>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="433"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="434"/>
        <source>Input should be a valid boolean, unable to interpret input</source>
        <translation>应为布尔值（true 或 false），无法识别输入</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="435"/>
        <source>Input should be a valid boolean</source>
        <translation>应为布尔值（true 或 false）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="436"/>
        <source>Input should be a valid dictionary</source>
        <translation>应为映射（键: 值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="437"/>
        <source>Input should be a finite number</source>
        <translation>应为有限的数（不能是 .inf 或 .nan）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="438"/>
        <source>Input should be a valid number, unable to parse string as a number</source>
        <translation>应为数字，无法把文本解析为数字</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="439"/>
        <source>Input should be a valid number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="440"/>
        <source>Input should be greater than {gt}</source>
        <translation>应大于 {gt}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="441"/>
        <source>Input should be greater than or equal to {ge}</source>
        <translation>应大于或等于 {ge}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="442"/>
        <source>Input should be less than {lt}</source>
        <translation>应小于 {lt}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="443"/>
        <source>Input should be less than or equal to {le}</source>
        <translation>应小于或等于 {le}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="444"/>
        <source>Input should be a valid integer, got a number with a fractional part</source>
        <translation>应为整数，但给出的数带有小数部分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="445"/>
        <source>Input should be a valid integer, unable to parse string as an integer</source>
        <translation>应为整数，无法把文本解析为整数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="446"/>
        <source>Unable to parse input string as an integer, exceeded maximum size</source>
        <translation>无法把文本解析为整数：超出了最大长度</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="447"/>
        <source>Input should be a valid integer</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="448"/>
        <source>Keys should be strings</source>
        <translation>键应为文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="449"/>
        <source>Input should be a valid list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="450"/>
        <source>Input should be a valid tuple</source>
        <translation>应为元组（列表）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="451"/>
        <source>Input should be {expected}</source>
        <translation>应为 {expected}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="452"/>
        <source>Input should be a valid dictionary or instance of {class_name}</source>
        <translation>应为映射（{class_name}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="453"/>
        <source>Input should be a valid dictionary or object to extract fields from</source>
        <translation>应为映射（键: 值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="454"/>
        <source>Input should be a valid string</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="455"/>
        <source>String should have at least {min_length} character</source>
        <translation>文本至少应有 {min_length} 个字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="456"/>
        <source>String should have at least {min_length} characters</source>
        <translation>文本至少应有 {min_length} 个字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="457"/>
        <source>String should have at most {max_length} character</source>
        <translation>文本最多只能有 {max_length} 个字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="458"/>
        <source>String should have at most {max_length} characters</source>
        <translation>文本最多只能有 {max_length} 个字符</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="459"/>
        <source>{field_type} should have at least {min_length} item after validation, not {actual_length}</source>
        <translation>{field_type}至少应有 {min_length} 项，实际为 {actual_length} 项</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="460"/>
        <source>{field_type} should have at least {min_length} items after validation, not {actual_length}</source>
        <translation>{field_type}至少应有 {min_length} 项，实际为 {actual_length} 项</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="461"/>
        <source>{field_type} should have at most {max_length} item after validation, not {actual_length}</source>
        <translation>{field_type}最多只能有 {max_length} 项，实际为 {actual_length} 项</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="462"/>
        <source>{field_type} should have at most {max_length} items after validation, not {actual_length}</source>
        <translation>{field_type}最多只能有 {max_length} 项，实际为 {actual_length} 项</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="463"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="464"/>
        <source>Dictionary</source>
        <translation>映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="465"/>
        <source>Tuple</source>
        <translation>元组</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="466"/>
        <source>Set</source>
        <translation>集合</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="467"/>
        <source>a restrict step needs &apos;days&apos;</source>
        <translation>restrict 步骤需要 &apos;days&apos;（限制的天数）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="468"/>
        <source>the ladder&apos;s steps must go up in strikes: step {step} ({action} at {at}) follows step {previous} ({previous_action} at {previous_at}); write each step at more strikes than the one before</source>
        <translation>处罚阶梯的各步必须按违规计分递增：第 {step} 步（{action}，{at} 分）排在第 {previous} 步（{previous_action}，{previous_at} 分）之后；每一步的计分都应高于前一步</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="469"/>
        <source>days are kept in 32-bit columns and no run covers more than 100 years</source>
        <translation>天数以 32 位整数存储，而且任何一次运行都不会超过 100 年</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="470"/>
        <source>counts are kept in 32-bit columns</source>
        <translation>计数以 32 位整数存储</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="471"/>
        <source>strikes are summed over a window; a million already bans anyone</source>
        <translation>违规计分在时间窗口内累加；一百万分足以封禁任何人</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="472"/>
        <source>a seed is a 64-bit integer</source>
        <translation>随机种子是 64 位整数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="473"/>
        <source>no catalogue file at {path}</source>
        <translation>{path} 处没有词库文件</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="474"/>
        <source>at most 63 categories are supported</source>
        <translation>最多支持 63 个类别</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="475"/>
        <source>unknown category &apos;{name}&apos;{hint}; known: {known}</source>
        <translation>未知的类别 &apos;{name}&apos;{hint}；已有的类别：{known}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="476"/>
        <source>unknown category &apos;{name}&apos;{hint}</source>
        <translation>未知的类别 &apos;{name}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="477"/>
        <source>unknown normalisation step &apos;{step}&apos;{hint}{expected}</source>
        <translation>未知的规范化步骤 &apos;{step}&apos;{hint}{expected}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="478"/>
        <source>duplicate rule name (rule {index} has the same name)</source>
        <translation>规则名称重复（与 rules[{index}] 同名）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="479"/>
        <source>RE2 rejects the pattern: {reason}</source>
        <translation>RE2 不接受这个正则表达式：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="480"/>
        <source>terms come from the catalogue but no catalogue was found (assets/catalogue.yaml or &apos;catalogue:&apos;)</source>
        <translation>词条要从词库读取，但找不到词库（assets/catalogue.yaml 或 &apos;catalogue:&apos;）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="481"/>
        <source>&apos;categories&apos; selects catalogue terms; add &apos;terms_from: catalogue&apos; or list &apos;terms&apos; per category</source>
        <translation>&apos;categories&apos; 用于选择词库中的词条；请加上 &apos;terms_from: catalogue&apos;，或在 &apos;terms&apos; 下按类别列出词条</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="482"/>
        <source>a keywords detector needs terms (&apos;terms&apos;, &apos;terms_from&apos; or &apos;terms_file&apos;)</source>
        <translation>keywords 检测器需要词条（&apos;terms&apos;、&apos;terms_from&apos; 或 &apos;terms_file&apos;）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="483"/>
        <source>no normalisation table for locale {locale} in {folder}</source>
        <translation>{folder} 中没有语言区域 {locale} 的规范化表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="484"/>
        <source>an &apos;allow&apos; rule cannot give strikes</source>
        <translation>&apos;allow&apos; 规则不能给违规计分</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="485"/>
        <source>a start day ({day}) was given when loading (--start-day), but this policy has a schedule, whose phases say from which day each rule is in force; change the phases&apos; from_day instead</source>
        <translation>加载时给出了开始日（{day}，--start-day），但这个策略有排期（schedule），由各阶段规定每条规则从哪一天起生效；请改为修改各阶段的 from_day</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="486"/>
        <source>start_day and a schedule both say when rules are in force, and the schedule would win; give the first phase&apos;s from_day instead (start_day is the shorthand for a policy without a schedule)</source>
        <translation>start_day 和排期（schedule）都规定了规则何时生效，而排期会优先；请改为设置第一个阶段的 from_day（start_day 是没有排期的策略的简写）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="487"/>
        <source>phases must be in increasing day order</source>
        <translation>各阶段必须按天数递增的顺序排列</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="488"/>
        <source>unknown rule &apos;{name}&apos;{hint}</source>
        <translation>未知的规则 &apos;{name}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="489"/>
        <source>expected a mapping with exactly one key: all, any, not, hit or a signal ({signals})</source>
        <translation>应为只有一个键的映射：all、any、not、hit 或一个信号（{signals}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="490"/>
        <source>&apos;{key}&apos; expects a non-empty list of conditions</source>
        <translation>&apos;{key}&apos; 需要一个非空的条件列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="491"/>
        <source>unknown condition &apos;{key}&apos;{hint}</source>
        <translation>未知的条件 &apos;{key}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="492"/>
        <source>&apos;hit&apos; expects a detector name or {{detector, categories, count}}</source>
        <translation>&apos;hit&apos; 需要一个检测器名称，或 {{detector, categories, count}}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="493"/>
        <source>unknown detector &apos;{name}&apos;{hint}{defined}</source>
        <translation>未知的检测器 &apos;{name}&apos;{hint}{defined}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="494"/>
        <source>; defined: {names}</source>
        <translation>；已定义的检测器：{names}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="495"/>
        <source>; the policy defines no detectors</source>
        <translation>；这个策略没有定义任何检测器</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="496"/>
        <source>expected at least one comparison (lt, le, gt, ge, eq, ne)</source>
        <translation>至少需要一个比较（lt、le、gt、ge、eq、ne）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="497"/>
        <source>&apos;in&apos; takes a list of names (enum signals only)</source>
        <translation>&apos;in&apos; 需要一个名称列表（仅用于枚举信号）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="498"/>
        <source>unknown operator &apos;{op}&apos;{hint}</source>
        <translation>未知的运算符 &apos;{op}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="499"/>
        <source>&apos;{name}&apos; supports eq, ne and in only</source>
        <translation>&apos;{name}&apos; 只支持 eq、ne 和 in</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="500"/>
        <source>&apos;{name}&apos; compares with true or false</source>
        <translation>&apos;{name}&apos; 只能与 true 或 false 比较</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="501"/>
        <source>&apos;{name}&apos; compares with a number, got {value}</source>
        <translation>&apos;{name}&apos; 只能与数字比较，实际为 {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="502"/>
        <source>&apos;{name}&apos; is one of {choices}, got {value}{hint}</source>
        <translation>&apos;{name}&apos; 的取值为 {choices} 之一，实际为 {value}{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="503"/>
        <source>a table is a mapping with {sections}</source>
        <translation>规范化表应为包含 {sections} 的映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="504"/>
        <source>unknown key(s) {keys}; expected script, {sections}</source>
        <translation>未知的键 {keys}；应为 script、{sections}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="505"/>
        <source>missing; one of {scripts}</source>
        <translation>缺失；应为 {scripts} 之一</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="506"/>
        <source>must be one of {scripts}, got {value}</source>
        <translation>必须是 {scripts} 之一，实际为 {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="507"/>
        <source>must be a mapping of strings to strings</source>
        <translation>必须是从文本到文本的映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="508"/>
        <source>keys and values must be strings</source>
        <translation>键和值都必须是文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="509"/>
        <source>a spelling is one character that is not a letter (4, @, !), standing for one letter</source>
        <translation>每种写法是一个非字母字符（如 4、@、!），代表一个字母</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="510"/>
        <source>not UTF-8 (byte 0x{byte})</source>
        <translation>不是 UTF-8（字节 0x{byte}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="511"/>
        <source>cannot read terms file {path}: {reason}</source>
        <translation>无法读取词条文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="512"/>
        <source>terms file {path} has no terms</source>
        <translation>词条文件 {path} 中没有词条</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="513"/>
        <source>categories must be a mapping or a list</source>
        <translation>categories 必须是映射或列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="514"/>
        <source>a category is a mapping with a name and terms</source>
        <translation>每个类别应为包含名称（name）和词条（terms）的映射</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="515"/>
        <source>terms map a locale to a list of words</source>
        <translation>terms 应把语言区域映射到词语列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="516"/>
        <source>expected a list of words</source>
        <translation>应为词语列表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="517"/>
        <source>rule &apos;{rule}&apos; is unreachable: the schedule never puts it in force</source>
        <translation>规则 &apos;{rule}&apos; 永远不会起作用：排期从不让它生效</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="518"/>
        <source>rule &apos;{rule}&apos; is unreachable: its scope is empty</source>
        <translation>规则 &apos;{rule}&apos; 永远不会起作用：它的适用范围（scope）为空</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="519"/>
        <source>rule &apos;{rule}&apos; is unreachable: it reads only new posts in {channels}, which the policy does not scan (scan: {scanned}); add them to scan, or the report stage to its scope</source>
        <translation>规则 &apos;{rule}&apos; 永远不会起作用：它只读 {channels} 里的新帖子，而策略不扫描这些渠道（scan: {scanned}）；把它们加进 scan，或在它的 scope 里加上 report 阶段</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="520"/>
        <source>rule &apos;{rule}&apos; is unreachable: its detectors never report {categories}</source>
        <translation>规则 &apos;{rule}&apos; 永远不会起作用：它的检测器从不报告 {categories}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="521"/>
        <source>rule &apos;{rule}&apos; is unreachable: rule &apos;{earlier}&apos; before it matches every post</source>
        <translation>规则 &apos;{rule}&apos; 永远不会起作用：它前面的规则 &apos;{earlier}&apos; 会匹配所有帖子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="522"/>
        <source>rule &apos;{rule}&apos; is shadowed by earlier rule &apos;{earlier}&apos;: every post it matches is decided there first</source>
        <translation>规则 &apos;{rule}&apos; 被前面的规则 &apos;{earlier}&apos; 遮蔽：它能匹配的每条帖子都会先由那条规则处理</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="523"/>
        <source>step(s) {steps} only add spellings to keyword terms: they do nothing for a regex detector</source>
        <translation>步骤 {steps} 只为关键词词条增加写法：对正则（regex）检测器不起作用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="524"/>
        <source>term {term} (normalised {normalised}) is in several categories: {categories}</source>
        <translation>词条 {term}（规范化后为 {normalised}）属于多个类别：{categories}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="525"/>
        <source>term {term} is also in detector &apos;{detector}&apos; under another category</source>
        <translation>词条 {term} 也在检测器 &apos;{detector}&apos; 中，但属于另一个类别</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="526"/>
        <source>detector &apos;{detector}&apos; is not used by any rule</source>
        <translation>检测器 &apos;{detector}&apos; 没有被任何规则使用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="527"/>
        <source>rule &apos;{rule}&apos; sends posts to review, but nothing reviews them: the policy has no enforcement.review section, so the posts stay up as if allowed{strikes}; add enforcement.review (capacity_per_day: how many posts reviewers decide a day) or choose another action</source>
        <translation>规则 &apos;{rule}&apos; 把帖子送去审核，但没有人审核它们：策略没有 enforcement.review 部分，这些帖子会像被放行一样保留{strikes}；请添加 enforcement.review（capacity_per_day：审核员每天处理多少条帖子），或改用其他处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="528"/>
        <source> and its strikes, given when a reviewer confirms, are never given</source>
        <translation>，而且它的违规计分（在审核员确认时给出）永远不会给出</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="529"/>
        <source>&apos;{key}&apos; has no effect with action {action}: it only acts for action {owner}</source>
        <translation>&apos;{key}&apos; 对处置 {action} 不起作用：它只对处置 {owner} 起作用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="530"/>
        <source>&apos;days&apos; has no effect on a {action} step: it only acts for a restrict step (how many days the account is restricted)</source>
        <translation>&apos;days&apos; 对 {action} 步骤不起作用：它只对 restrict 步骤起作用（账号被限制的天数）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="531"/>
        <source>{term} (catalogue, {category})</source>
        <translation>{term}（来自词库，类别 {category}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="532"/>
        <source>term {term} normalises to nothing and can never match</source>
        <translation>词条 {term} 规范化后为空，永远不会匹配</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="533"/>
        <source>term {term} is one of the detector&apos;s exceptions: it never counts</source>
        <translation>词条 {term} 也是该检测器的例外（exceptions）之一：永远不会计入</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="534"/>
        <source>term {term} is one of the detector&apos;s exceptions: written as itself it never counts, but the detector still matches other spellings of it ({spellings}); list the innocent ones under &apos;exceptions&apos; too, or remove the term</source>
        <translation>词条 {term} 也是该检测器的例外（exceptions）之一：按原样书写时永远不会计入，但检测器仍会匹配它的其他写法（{spellings}）；把其中无害的写法也列入 &apos;exceptions&apos;，或删除该词条</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="535"/>
        <source>term {term} normalises to {normalised}, shorter than {minimum} letters (a hanzi counts as two): it fires on a great deal of innocent text</source>
        <translation>词条 {term} 规范化后为 {normalised}，不足 {minimum} 个字母（一个汉字算两个）：会在大量无辜的文本上误触发</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="536"/>
        <source>term {term} begins or ends with a non-word character: in word mode it can never match</source>
        <translation>词条 {term} 以非单词字符开头或结尾：在 word 模式下永远不会匹配</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="537"/>
        <source>term {term} is inside {count} common English word(s) ({words}): it fires on them; use mode: word or list &apos;exceptions&apos;</source>
        <translation>词条 {term} 出现在 {count} 个常见英文单词中（{words}）：会在这些词上误触发；请使用 mode: word，或把这些词列入 &apos;exceptions&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="538"/>
        <source>term {term} is inside {count} common Chinese word(s) ({words}): it fires on them; list the innocent ones under &apos;exceptions&apos;</source>
        <translation>词条 {term} 出现在 {count} 个常见中文词语中（{words}）：会在这些词上误触发；请把无辜的词列入 &apos;exceptions&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="539"/>
        <source>term {term} is an everyday English word (one of the {count} most frequent) and a single hit of it makes rule &apos;{rule}&apos; {action}: every post using it in its everyday sense does too; require a second condition (all: ...) or measure it on innocent text with circlelab policy evaluate --corpus</source>
        <translation>词条 {term} 是日常英文单词（最常用的 {count} 个之一），命中它一次就会让规则 &apos;{rule}&apos; 执行 {action}：凡是按日常意思用到这个词的帖子也会被处理；请再加一个条件（all: ...），或用 circlelab policy evaluate --corpus 在无害文本上测一测</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="540"/>
        <source>abbreviation {key} = {value}, table {table}, step abbreviations</source>
        <translation>缩写 {key} = {value}，表 {table}，abbreviations 步骤</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="541"/>
        <source>pinyin {reading}, step pinyin</source>
        <translation>拼音 {reading}，pinyin 步骤</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="542"/>
        <source>term {term} is also matched as {spelling} ({source}), which normalises to {normalised}, shorter than {minimum} letters: it fires on a great deal of innocent text</source>
        <translation>词条 {term} 也会以 {spelling} 的写法匹配（{source}），规范化后为 {normalised}，不足 {minimum} 个字母：会在大量无辜的文本上误触发</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="543"/>
        <source>term {term} is also matched as {spelling} ({source}), an everyday English word (one of the {count} most frequent), and a single hit of it makes rule &apos;{rule}&apos; {action}: every post using the word in its everyday sense does too</source>
        <translation>词条 {term} 也会以 {spelling} 的写法匹配（{source}），这是日常英文单词（最常用的 {count} 个之一），命中它一次就会让规则 &apos;{rule}&apos; 执行 {action}：凡是按日常意思用到这个词的帖子也会被处理</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="544"/>
        <source>term {term} is made of everyday English words ({words}; each one of the {count} most frequent) and a single hit of it makes rule &apos;{rule}&apos; {action}: every post that uses these words together in their everyday sense does too; require a second condition (all: ...) or measure it on innocent text with circlelab policy evaluate --corpus</source>
        <translation>词条 {term} 由日常英文单词组成（{words}；每个都是最常用的 {count} 个之一），命中它一次就会让规则 &apos;{rule}&apos; 执行 {action}：凡是按日常意思把这些词连在一起用的帖子也会被处理；请再加一个条件（all: ...），或用 circlelab policy evaluate --corpus 在无害文本上测一测</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="545"/>
        <source>term {term} is held across the boundary of two words side by side ({pairs}): by word frequency such pairs are written about {share} times as often as the term itself, and it fires on them; list the innocent ones under &apos;exceptions&apos;</source>
        <translation>词条 {term} 会出现在两个相邻词语的分界上（{pairs}）：按词频估算，这样的词组出现的次数约为该词条本身的 {share} 倍，会在这些词组上误触发；请把无辜的写法列入 &apos;exceptions&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="546"/>
        <source>the pinyin step reads hanzi that sound like {terms} of the terms and are two common Chinese words as those terms ({examples}): each fires where no longer word explains it; list the innocent ones under &apos;exceptions&apos;</source>
        <translation>pinyin 步骤会把读音像其中 {terms} 个词条、由两个常见中文词组成的汉字读作这些词条（{examples}）：只要没有更长的词能解释它们，就会误触发；请把无辜的写法列入 &apos;exceptions&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="547"/>
        <source>term {term} is an everyday Chinese word (one of the {count} most frequent) and a single hit of it makes rule &apos;{rule}&apos; {action}: every post using it in its everyday sense does too; require a second condition (all: ...) or measure it on innocent text with circlelab policy evaluate --corpus</source>
        <translation>词条 {term} 是日常中文词语（最常用的 {count} 个之一），命中它一次就会让规则 &apos;{rule}&apos; 执行 {action}：凡是按日常意思用到这个词的帖子也会被处理；请再加一个条件（all: ...），或用 circlelab policy evaluate --corpus 在无害文本上测一测</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../app/problems.py" line="27"/>
        <source>(file)</source>
        <translation>（整个文件）</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="model_texts.py" line="623"/>
        <source>strike ladder: {total} strikes in {window}d ≥ {at} → {step} (rule &apos;{rule}&apos;, post {post})</source>
        <translation>违规计分阶梯：{window} 天内 {total} 分 ≥ {at} → {step}（规则“{rule}”，帖子 {post}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="624"/>
        <source>{action}</source>
        <translation>{action}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="625"/>
        <source>{action} {days}d</source>
        <translation>{action} {days} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="626"/>
        <source>rule &apos;{rule}&apos; → {action}: {evidence}</source>
        <translation>规则“{rule}” → {action}：{evidence}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="627"/>
        <source>{stage}: rule &apos;{rule}&apos; → {action}</source>
        <translation>{stage}：规则“{rule}” → {action}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="628"/>
        <source>{stage}: rule &apos;{rule}&apos; → {action} on {hits}</source>
        <translation>{stage}：规则“{rule}” → {action}，命中 {hits}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="629"/>
        <source>{stage}: rule &apos;{rule}&apos; → {action} (shadow)</source>
        <translation>{stage}：规则“{rule}” → {action}（影子规则）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="630"/>
        <source>{stage}: rule &apos;{rule}&apos; → {action} (shadow) on {hits}</source>
        <translation>{stage}：规则“{rule}” → {action}（影子规则），命中 {hits}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="631"/>
        <source>{detector}: {term}{category}{written}{how}</source>
        <translation>{detector}：{term}{category}{written}{how}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="632"/>
        <source> [{category}]</source>
        <translation> [{category}]</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="633"/>
        <source> as written {written}</source>
        <translation>，原文写作 {written}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="634"/>
        <source> ({how})</source>
        <translation>（{how}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="635"/>
        <source>abbreviation {spelling}</source>
        <translation>缩写 {spelling}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="636"/>
        <source>pinyin {syllables}</source>
        <translation>拼音 {syllables}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="637"/>
        <source>sound-alike {syllables}</source>
        <translation>谐音 {syllables}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="638"/>
        <source>{how}</source>
        <translation>{how}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="639"/>
        <source>&apos;{what}&apos;</source>
        <translation>“{what}”</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="640"/>
        <source>predicted {categories}</source>
        <translation>预测为 {categories}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="641"/>
        <source>predicted violating</source>
        <translation>预测为违规</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="642"/>
        <source>{count} reports per {per} in {window}d (≥{least})</source>
        <translation>每个{per} {window} 天内被举报 {count} 次（≥{least}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="643"/>
        <source>previously banned device</source>
        <translation>曾被封号的设备</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="644"/>
        <source>review: reviewer confirmed rule &apos;{rule}&apos; after {hours}h</source>
        <translation>审核：审核员 {hours} 小时后确认了规则“{rule}”</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="645"/>
        <source>review: reviewer rejected rule &apos;{rule}&apos; after {hours}h</source>
        <translation>审核：审核员 {hours} 小时后驳回了规则“{rule}”</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="646"/>
        <source>appeal: overturned rule &apos;{rule}&apos;</source>
        <translation>申诉：撤销了规则“{rule}”的处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="647"/>
        <source>appeal: overturned rule &apos;{rule}&apos; (the action was wrong)</source>
        <translation>申诉：撤销了规则“{rule}”的处置（处置有误）</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="model_texts.py" line="698"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="699"/>
        <source>Moments feed</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="700"/>
        <source>private chats</source>
        <translation>私聊</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="701"/>
        <source>group chats</source>
        <translation>群聊</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="702"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="703"/>
        <source>Restricted-offer volume by category (7-day mean)</source>
        <translation>各类别违禁商品信息量（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="704"/>
        <source>Reach of restricted offers in the Moments feed (7-day mean)</source>
        <translation>违禁商品信息在朋友圈中的触达（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="705"/>
        <source>spam posted</source>
        <translation>发布的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="706"/>
        <source>spam removed</source>
        <translation>删除的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="707"/>
        <source>Spam volume (7-day mean)</source>
        <translation>垃圾信息量（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="708"/>
        <source>ads + spam + offers (Advertising Circle index)</source>
        <translation>广告 + 垃圾 + 违禁（“广告圈”指数）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="709"/>
        <source>spam + offers (prevalence)</source>
        <translation>垃圾 + 违禁（流行率）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="710"/>
        <source>Share of the feed that is advertising</source>
        <translation>信息流中广告所占比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="711"/>
        <source>correct bans</source>
        <translation>正确封号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="712"/>
        <source>wrongful bans</source>
        <translation>误封次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="713"/>
        <source>Bans, cumulative: correct vs wrongful</source>
        <translation>累计封号：正确与错误</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="714"/>
        <source>obfuscated</source>
        <translation>变形规避</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="715"/>
        <source>Share of offers written to evade filters (trailing 7 days)</source>
        <translation>为规避过滤而变形书写的违禁信息占比（最近 7 天）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="716"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="717"/>
        <source>same-day recall</source>
        <translation>当日召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="718"/>
        <source>Moderation precision and same-day recall (trailing 7 days)</source>
        <translation>审核精确率与当日召回率（最近 7 天）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="719"/>
        <source>spammers</source>
        <translation>垃圾信息发送者</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="720"/>
        <source>Active sellers and spammers</source>
        <translation>活跃卖家与垃圾信息发送者</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="721"/>
        <source>from official accounts</source>
        <translation>来自公众号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="722"/>
        <source>Harm: restricted units sold, by channel (7-day mean)</source>
        <translation>危害：按渠道统计的违禁商品售出件数（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="723"/>
        <source>Restricted-offer volume by category</source>
        <translation>各类别违禁商品信息量</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="724"/>
        <source>Spam volume</source>
        <translation>垃圾信息量</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="725"/>
        <source>Advertising Circle index</source>
        <translation>“广告圈”指数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="726"/>
        <source>Bans: correct vs wrongful</source>
        <translation>封号：正确与错误</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="727"/>
        <source>Reach of restricted offers in the feed</source>
        <translation>违禁商品信息在信息流中的触达</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="728"/>
        <source>Harm: units sold by channel</source>
        <translation>危害：各渠道售出件数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="729"/>
        <source>Evasion</source>
        <translation>规避</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="730"/>
        <source>Precision and recall</source>
        <translation>精确率与召回率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="731"/>
        <source>{policy} (day {day})</source>
        <translation>{policy}（第 {day} 天起）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="732"/>
        <source>day {day}</source>
        <translation>第 {day} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="733"/>
        <source>days {first}–{last}</source>
        <translation>第 {first}–{last} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="734"/>
        <source>set up with the run</source>
        <translation>运行开始时设定</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="735"/>
        <source>put in force on day {day}</source>
        <translation>第 {day} 天启用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="736"/>
        <source>; its rules act from day {day}</source>
        <translation>；其规则从第 {day} 天起执行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="737"/>
        <source>{days} ({how})</source>
        <translation>{days}（{how}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="738"/>
        <source>no day ({how}, after the last day run, day {last})</source>
        <translation>没有一天（{how}，在运行的最后一天即第 {last} 天之后）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="739"/>
        <source>no day ({how}; replaced before day {first} ran)</source>
        <translation>没有一天（{how}；在第 {first} 天运行之前就被替换）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="740"/>
        <source>Day {day}: policy “{name}” in force from day {day} (in place of “{replaces}”; strikes and review queues start afresh)</source>
        <translation>第 {day} 天：策略“{name}”从第 {day} 天起生效（取代“{replaces}”；违规计分和审核队列重新开始）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="741"/>
        <source>; after the last day run (day {last}): no day ran under it</source>
        <translation>；在运行的最后一天（第 {last} 天）之后：没有一天在它之下运行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="742"/>
        <source>Day {day}: parameter {key}: {old} → {new} from day {day}</source>
        <translation>第 {day} 天：参数 {key}：{old} → {new}，从第 {day} 天起</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="743"/>
        <source> (after the last day run, day {last})</source>
        <translation>（在运行的最后一天即第 {last} 天之后）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="744"/>
        <source>Policies in force during this run, by day (changed while it ran):</source>
        <translation>本次运行期间各天生效的策略（运行中有改动）：</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="745"/>
        <source>{policy}: {days}</source>
        <translation>{policy}：{days}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="746"/>
        <source>scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="747"/>
        <source>{name} ({changes})</source>
        <translation>{name}（{changes}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="748"/>
        <source>{heading}, {days} days</source>
        <translation>{heading}，{days} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="749"/>
        <source>{heading}, seed {seeds}</source>
        <translation>{heading}，随机种子 {seeds}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="750"/>
        <source>{heading}, seeds {seeds}</source>
        <translation>{heading}，随机种子 {seeds}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="751"/>
        <source>the run changed: {changes}</source>
        <translation>运行改动了：{changes}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="752"/>
        <source>{scenario} × {policy}, seed {seed}</source>
        <translation>{scenario} × {policy}，随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="753"/>
        <source>run {run}: {scenario} × {policy}, seed {seed}</source>
        <translation>运行 {run}：{scenario} × {policy}，随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="754"/>
        <source> (not complete)</source>
        <translation>（未完成）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="755"/>
        <source>Headline numbers</source>
        <translation>主要数字</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="756"/>
        <source>measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="757"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="758"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="759"/>
        <source>meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="760"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="761"/>
        <source>What each rule did</source>
        <translation>每条规则做了什么</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="762"/>
        <source>Each count summed over the run&apos;s days.</source>
        <translation>每项计数为整个运行期间各天之和。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="763"/>
        <source> The rules of every policy that was in force, each over the days its policy was in force (see Policy).</source>
        <translation>列出每个生效过的策略的规则，各自只统计其策略生效的那些天（见“策略”）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="764"/>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="765"/>
        <source>action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="766"/>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="767"/>
        <source>What the rule does, as its policy says (a shadow rule&apos;s hits are counted, never acted on: &apos;shadow (would remove)&apos;; an allow rule&apos;s hits are the posts it let through, its true positives violating ones)</source>
        <translation>规则按其策略所做的处置（影子规则的命中只计数、从不处置：“shadow (would remove)”；放行规则的命中是它放过的帖子，其真阳性是其中违规的帖子）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="768"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="769"/>
        <source>Metric definitions</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="770"/>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="771"/>
        <source>over a run</source>
        <translation>整个运行的汇总方式</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="772"/>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="773"/>
        <source>last</source>
        <translation>取最后一天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="774"/>
        <source>ratio</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="775"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="776"/>
        <source>{days} days. Daily values are in {file} beside this page.</source>
        <translation>共 {days} 天。每日数值见本页旁的 {file}。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="777"/>
        <source>Dotted lines mark events: {items}.</source>
        <translation>虚线标出事件：{items}。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="778"/>
        <source>day {day}: {text}</source>
        <translation>第 {day} 天：{text}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="779"/>
        <source>Changes during the run</source>
        <translation>运行期间的改动</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="780"/>
        <source>Not recorded: this run was stored by a version of Circle Lab that did not keep what was changed while a run ran. The policy and scenario below are what was stored; if the run was changed by hand, they may not have been in force throughout.</source>
        <translation>未记录：保存这次运行的 Circle Lab 版本不记录运行期间所做的改动。下面的策略和场景是当时保存的内容；如果运行中曾被手动修改，它们可能并非自始至终有效。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="781"/>
        <source>None: nothing was changed by hand while this run ran. The policy and the scenario below were in force {when} (the scenario&apos;s own scheduled events are part of it).</source>
        <translation>无：这次运行期间没有手动修改任何内容。下面的策略和场景在{when}一直有效（场景自身预定的事件也包含在内）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="782"/>
        <source>from day 0 to day {last}</source>
        <translation>第 0 天到第 {last} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="783"/>
        <source>(no day ran)</source>
        <translation>（没有运行任何一天）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="784"/>
        <source>its text</source>
        <translation>其文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="785"/>
        <source>Made while the run was live; each acts from the day given (the next day to run when it was made). Everything before that day ran without it.</source>
        <translation>在运行进行中所做；每项从所给的那天（做出改动时即将运行的下一天）起生效。那天之前的运行都不受其影响。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="786"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="787"/>
        <source>Not one policy: another was put in force while the run ran. In force, by day:</source>
        <translation>不止一个策略：运行期间另一个策略被投入使用。各天生效的策略：</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="788"/>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="789"/>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="790"/>
        <source>As the run was set up. Changed while it ran: {keys} (see Changes during the run).</source>
        <translation>这是运行开始时的设置。运行期间改动过：{keys}（见“运行期间的改动”）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="791"/>
        <source>Sweep {sweep}</source>
        <translation>参数扫描 {sweep}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="792"/>
        <source>Sweep {sweep}: {scenario}</source>
        <translation>参数扫描 {sweep}：{scenario}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="793"/>
        <source>Report: {ref}</source>
        <translation>报告：{ref}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="794"/>
        <source>Compare {a} with {b}</source>
        <translation>比较 {a} 与 {b}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="795"/>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="796"/>
        <source>sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="797"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="798"/>
        <source>seeds</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="799"/>
        <source>runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="800"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="801"/>
        <source>code version</source>
        <translation>代码版本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="802"/>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="803"/>
        <source>{complete} complete of {runs}</source>
        <translation>{runs} 次中完成 {complete} 次</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="804"/>
        <source>none: a single run has no baseline of its own; &apos;avoided&apos; needs one (circlelab report RUN --baseline none measures it against a stored no-moderation run of the same world; circlelab compare against any other run)</source>
        <translation>无：单次运行没有自己的基线，而“避免”需要基线（circlelab report RUN --baseline none 会拿它与已保存的同一世界的无审核运行比较；circlelab compare 可与任何其他运行比较）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="805"/>
        <source>none in this sweep: &apos;avoided&apos; cannot be computed</source>
        <translation>本次参数扫描中没有：无法计算“避免”</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="806"/>
        <source>{arm}: {days}</source>
        <translation>{arm}：{days}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="807"/>
        <source>Mean across seeds with the {level}% confidence interval [low, high] (Student t),
clipped to the values a measure can take: a count, total or share never below 0, a share never
above 100%; an &quot;avoided&quot; share may be below 0 (worse than the baseline) but never above 100%. &quot;Avoided&quot; is against the baseline{baseline} in the same world (the same scenario as it ran, and the same seed), {days}{starts}.</source>
        <translation>各随机种子的均值，及 {level}% 置信区间 [下限, 上限]（Student t），并截断在指标可取的范围内：计数、总量和占比不低于 0，占比不超过 100%；“避免”的占比可以低于 0（比基线更差），但不超过 100%。“避免”是与同一个世界（运行时的同一场景、同一随机种子）中的基线{baseline}相比，{days}{starts}。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="808"/>
        <source> ({baseline})</source>
        <translation>（{baseline}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="809"/>
        <source>Arms {first}–{last} of {n}</source>
        <translation>第 {first}–{last} 组（共 {n} 组）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="810"/>
        <source> The baseline is a policy of no moderation in the same scenario, not a world without events: the scenario&apos;s own events ({events}) happen in its runs as in every arm&apos;s, so &quot;avoided&quot; is what a policy adds to them.</source>
        <translation>基线是同一场景中不做审核的策略，而不是没有任何事件的世界：场景自身的事件（{events}）在基线的运行中与在每个策略的运行中一样发生，因此“避免”衡量的是策略在这些事件之外带来的效果。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="811"/>
        <source> ({starts})</source>
        <translation>（{starts}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="812"/>
        <source>{arm}: from day {day}</source>
        <translation>{arm}：从第 {day} 天起</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="813"/>
        <source>{arm}: from day {day}, after the runs&apos; last day, day {last}: it never acts in these runs</source>
        <translation>{arm}：从第 {day} 天起，晚于运行的最后一天（第 {last} 天）：在这些运行中从未起作用</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="814"/>
        <source>{undefined} where the baseline did not run the same world: measured against another scenario, parameters or seed, it would count the difference between the worlds as the policy&apos;s doing.</source>
        <translation>{undefined}：基线运行的不是同一个世界。若与另一个场景、参数或随机种子相比，会把两个世界的差别算成策略的效果。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="815"/>
        <source>&quot;Avoided&quot; is undefined</source>
        <translation>“避免”无定义</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="816"/>
        <source> &quot;(2 of 5 seeds)&quot;: the measure is defined for only that many of the arm&apos;s seeds, and the mean and interval are of those (see &quot;undefined when&quot; under Headline measures).</source>
        <translation>“（5 个随机种子中的 2 个）”：该指标只在这一组的这么多个随机种子上有定义，均值和区间只针对这些随机种子（见“主要指标”下的“何时无定义”）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="817"/>
        <source> &quot;&lt;&quot; or &quot;&gt;&quot; before an end of an interval: the interval ran past the values the measure can take (no count below 0, at most 100% avoided) and is cut there, so that end is not one the data gave: too few seeds for an interval on that side (more seeds narrow it).</source>
        <translation>区间一端前面的“&lt;”或“&gt;”：区间超出了该指标可能取的值（计数不会小于 0，避免的比例最多 100%），在那里被截断，所以这一端不是数据给出的：随机种子太少，这一侧给不出区间（随机种子越多，区间越窄）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="818"/>
        <source>No run completed</source>
        <translation>没有完成的运行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="819"/>
        <source>{no_run}: there are no numbers to show; each run&apos;s error is under &quot;Runs that did not complete&quot;.</source>
        <translation>{no_run}：没有可显示的数字；每次运行的错误见“未完成的运行”。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="820"/>
        <source>better</source>
        <translation>更好</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="821"/>
        <source>higher</source>
        <translation>更高</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="822"/>
        <source>lower</source>
        <translation>更低</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="823"/>
        <source> ({n} of {seeds} seeds)</source>
        <translation>（{seeds} 个随机种子中的 {n} 个）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="824"/>
        <source>median {value}</source>
        <translation>中位数 {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="825"/>
        <source>median &gt; {value}</source>
        <translation>中位数 &gt; {value}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="826"/>
        <source> (halved in {k} of {n} seeds)</source>
        <translation>（{n} 个随机种子中有 {k} 个减半）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="827"/>
        <source>missing: runs of model version {version}</source>
        <translation>缺失：模型版本 {version} 的运行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="828"/>
        <source> &quot;median &gt; N (halved in k of n seeds)&quot;: in the seeds that did not halve, restricted-offer volume did not halve before the run ended, so their days to halve are known only to be more than N, the days the run went on after the start. A mean of the seeds that halved would favour the fast ones, so none is given: the median counts every seed, those that never halved as the slowest, and &quot;&gt; N&quot; says the median is among them.</source>
        <translation>“中位数 &gt; N（n 个随机种子中有 k 个减半）”：在未减半的随机种子中，违禁商品信息量直到运行结束都没有减半，因此只知道它们的减半所需天数多于 N，即运行在开始后持续的天数。只对已减半的随机种子求均值会偏向快的结果，所以不给均值：中位数计入每一个随机种子，从未减半的按最慢计；“&gt; N”表示中位数落在这些从未减半的随机种子上。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="829"/>
        <source>Do the policies differ?</source>
        <translation>这些策略有差异吗？</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="830"/>
        <source>No run completed: nothing to compare.</source>
        <translation>没有完成的运行：没有可比较的内容。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="831"/>
        <source>Only one policy has complete runs: nothing to compare.</source>
        <translation>只有一个策略有完成的运行：没有可比较的内容。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="832"/>
        <source>Lines: mean across seeds. Shaded: {level}% confidence band. The chart files
({formats}) are in {charts}; the numbers behind them in {data} (CSV and Parquet).</source>
        <translation>线：各随机种子的均值。阴影：{level}% 置信带。图表文件（{formats}）在 {charts} 中；图背后的数字在 {data} 中（CSV 和 Parquet）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="833"/>
        <source>Dotted lines mark events:</source>
        <translation>虚线标出事件：</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="834"/>
        <source>Dotted lines mark events (in an arm&apos;s colour: that arm&apos;s alone):</source>
        <translation>虚线标出事件（用某一组的颜色画的：只属于该组）：</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="835"/>
        <source>{arm}: {marks}</source>
        <translation>{arm}：{marks}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="836"/>
        <source>Sample posts</source>
        <translation>帖子样本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="837"/>
        <source>The most-seen violating posts of the first run of each arm, as generated.</source>
        <translation>每组第一次运行中被看得最多的违规帖子，按生成时的原文。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="838"/>
        <source>arm</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="839"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="840"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="841"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="842"/>
        <source>views</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="843"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="844"/>
        <source>after {hours} h</source>
        <translation>{hours} 小时后</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="845"/>
        <source>Runs that did not complete</source>
        <translation>未完成的运行</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="846"/>
        <source>run {run} · {arm} · seed {seed} · {status}</source>
        <translation>运行 {run} · {arm} · 随机种子 {seed} · {status}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="847"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="848"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="849"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="850"/>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="851"/>
        <source>These runs were changed by hand while they ran (stored from the desktop app): the
policy or parameters below were not in force throughout. Each change acts from the day
given; under Policies, such a run&apos;s entry lists every policy in force and on which days.
The scenario below is the one the runs were set up with.</source>
        <translation>这些运行在运行期间被手动改动过（从桌面应用保存）：下面的策略或参数并非自始至终生效。每项改动从所示那一天起起作用；在“策略”下，这类运行的条目列出每个生效过的策略及其生效的天数。下面的场景是这些运行开始时设定的场景。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="852"/>
        <source>run {run} · {arm} · seed {seed}</source>
        <translation>运行 {run} · {arm} · 随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="853"/>
        <source>{side}: {text}</source>
        <translation>{side}：{text}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="854"/>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="855"/>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="856"/>
        <source>As the runs were set up: the scenario as written with what each run was given
beside it applied ({set} values or the sweep&apos;s parameters, the number of days,
and the seed when a single seed ran it; each heading names its seeds). What was changed by
hand while a run ran is under &quot;Changes during the run&quot;.</source>
        <translation>按运行开始时的设定：场景按原文，并应用了每次运行另外给出的设置（{set} 的值或参数扫描的参数、天数，以及只有一个随机种子运行时的随机种子；每个标题写明其随机种子）。运行期间手动改动的内容见“运行期间的改动”。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="857"/>
        <source>Headline measures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="858"/>
        <source>undefined when</source>
        <translation>何时无定义</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="859"/>
        <source>{meaning} ({days})</source>
        <translation>{meaning}（{days}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="860"/>
        <source>no baseline run of the same world (the same scenario as it ran, and the same seed), or the baseline&apos;s total is 0</source>
        <translation>没有同一个世界（运行时的同一场景、同一随机种子）的基线运行，或基线的总量为 0</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="861"/>
        <source>nothing to divide by</source>
        <translation>分母为零</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="862"/>
        <source>a run stored before accounts wrongly acted on were counted once each</source>
        <translation>该运行保存于开始按账户（每个只计一次）统计误处置之前</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="863"/>
        <source>a run stored before the innocent posts of wrongful bans were counted</source>
        <translation>该运行保存于开始统计误封连带删除的无辜帖子之前</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="864"/>
        <source>restricted-offer volume never halved, or the policy started on day 0</source>
        <translation>违禁商品信息量从未减半，或策略从第 0 天起就生效</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="865"/>
        <source>summed over the days from the policy&apos;s start (the first day it acts: its first announcement or the first day any of its rules is in force, whichever comes first) to the end of the run, the baseline&apos;s over the same days (when the two ran for different numbers of days, to the last day both ran)</source>
        <translation>从策略开始起作用的那天（首次公告或任一规则首次生效，取较早者）加总到运行结束，基线在同样的天数上加总（两者运行天数不同时，加总到两者都运行到的最后一天）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="866"/>
        <source>policy &apos;{ref}&apos; has no rules and no announcements: it runs once, without the parameters</source>
        <translation>策略 &apos;{ref}&apos; 没有规则也没有公告：只运行一次，不带这些参数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="867"/>
        <source>policy &apos;{ref}&apos; was given more than once: it runs once (a second arm of the same runs would count each seed twice)</source>
        <translation>策略 &apos;{ref}&apos; 给出了不止一次：只运行一次（同样的运行再成一组，会把每个随机种子算两次）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="868"/>
        <source>policy &apos;{ref}&apos; has no &apos;{path}&apos;: it runs without that parameter</source>
        <translation>策略 &apos;{ref}&apos; 没有 &apos;{path}&apos;：运行时不带这个参数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="869"/>
        <source>policy &apos;{ref}&apos; lacks a zipped path: it runs without them</source>
        <translation>策略 &apos;{ref}&apos; 缺少一个联动的路径：运行时不带这些联动参数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="870"/>
        <source>policy &apos;{ref}&apos; acts from day {day} (its first announcement or rule), after the sweep&apos;s last day (day {last}): it never acts in these runs (run more --days)</source>
        <translation>策略 &apos;{ref}&apos; 从第 {day} 天起作用（首次公告或规则），晚于扫描的最后一天（第 {last} 天）：在这些运行中从未起作用（请增加 --days）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="871"/>
        <source>the rules of policy &apos;{ref}&apos; are in force from day {rules}, after the sweep&apos;s last day (day {last}): only its announcement acts in these runs, from day {day}</source>
        <translation>策略 &apos;{ref}&apos; 的规则从第 {rules} 天起生效，晚于扫描的最后一天（第 {last} 天）：在这些运行中只有它的公告起作用，从第 {day} 天起</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="872"/>
        <source>0 (stored before model versions were recorded)</source>
        <translation>0（存储于记录模型版本之前）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="873"/>
        <source>{count} stored runs of this sweep were made under model version {version}, not this one ({current}): they were run again, not reused (runs computed under other rules are never mixed)</source>
        <translation>本参数扫描中有 {count} 次已存储的运行是在模型版本 {version} 下得出的，而不是当前版本（{current}）：它们已重新运行，没有沿用（按不同规则计算的运行从不混在一起）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="874"/>
        <source>{count} stored runs made under model version {version} are left out: these results are of the runs made under model version {kept} (runs computed under other rules are never mixed; run the sweep again to recompute them)</source>
        <translation>在模型版本 {version} 下得出的 {count} 次已存储的运行未计入：这些结果只来自模型版本 {kept} 下的运行（按不同规则计算的运行从不混在一起；再次运行该参数扫描即可重新计算它们）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="875"/>
        <source>1 stored run of this sweep was made under model version {version}, not this one ({current}): it was run again, not reused (runs computed under other rules are never mixed)</source>
        <translation>本参数扫描中有 1 次已存储的运行是在模型版本 {version} 下得出的，而不是当前版本（{current}）：它已重新运行，没有沿用（按不同规则计算的运行从不混在一起）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="876"/>
        <source>1 stored run made under model version {version} is left out: these results are of the runs made under model version {kept} (runs computed under other rules are never mixed; run the sweep again to recompute it)</source>
        <translation>在模型版本 {version} 下得出的 1 次已存储的运行未计入：这些结果只来自模型版本 {kept} 下的运行（按不同规则计算的运行从不混在一起；再次运行该参数扫描即可重新计算它）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="877"/>
        <source>these runs were made by a newer Circle Lab (model version {version}; this one is {current}): their numbers follow that version&apos;s rules, which this one does not know</source>
        <translation>这些运行是由更新版本的 Circle Lab 得出的（模型版本 {version}；当前为 {current}）：其中的数字遵循该版本的规则，当前版本并不了解这些规则</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="878"/>
        <source>{a} holds runs of model version {va} and {b} runs of model version {vb}: their numbers were computed under different rules, so a difference between them may be the model&apos;s and not the policies&apos;</source>
        <translation>{a} 中是模型版本 {va} 的运行，{b} 中是模型版本 {vb} 的运行：它们的数字是按不同规则计算的，因此两者之间的差异可能来自模型，而不是来自策略</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="879"/>
        <source>{side}: {note}</source>
        <translation>{side}：{note}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="880"/>
        <source>these runs were made under model version {version}, not this one ({current}): their numbers follow that version&apos;s rules, and a measure counted since may be missing from them (run the sweep again to recompute them)</source>
        <translation>这些运行是在模型版本 {version} 下得出的，而不是当前版本（{current}）：其中的数字遵循该版本的规则，此后才统计的指标可能在其中缺失（再次运行该参数扫描即可重新计算它们）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="881"/>
        <source>share of impressions</source>
        <translation>曝光占比</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="882"/>
        <source>Reach of restricted offers in the feed (7-day mean)</source>
        <translation>违禁商品信息在信息流中的触达（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="883"/>
        <source>Spam impressions (7-day mean)</source>
        <translation>垃圾信息曝光（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="884"/>
        <source>Restricted-offer volume, every channel (7-day mean)</source>
        <translation>违禁商品信息量，所有渠道（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="885"/>
        <source>Harm: restricted units sold (7-day mean)</source>
        <translation>危害：违禁商品售出件数（7 天均值）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="886"/>
        <source>Wrongful bans, cumulative</source>
        <translation>累计误封</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="887"/>
        <source>Correct bans, cumulative</source>
        <translation>累计正确封号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="888"/>
        <source>Review backlog</source>
        <translation>待审积压</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="889"/>
        <source>Active restricted sellers</source>
        <translation>活跃的违禁商品卖家</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="890"/>
        <source>restricted offers seen (feed)</source>
        <translation>被看到的违禁商品信息（信息流）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="891"/>
        <source>restricted units sold (harm)</source>
        <translation>违禁商品售出件数（危害）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="892"/>
        <source>spam seen</source>
        <translation>被看到的垃圾信息</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="893"/>
        <source>Harm and exposure avoided against {baseline}, same seeds</source>
        <translation>相对于 {baseline} 避免的危害和曝光（相同随机种子）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="894"/>
        <source>% of {baseline}&apos;s impressions or units sold avoided (mean, 95% CI)</source>
        <translation>避免的 {baseline} 曝光或售出件数（%，均值与 95% 置信区间）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="895"/>
        <source>Harm and exposure avoided against {baseline}</source>
        <translation>相对于 {baseline} 避免的危害和曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="896"/>
        <source>the baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="897"/>
        <source>restricted-offer impressions avoided</source>
        <translation>避免的违禁商品信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="898"/>
        <source>restricted units sold avoided (harm)</source>
        <translation>避免的违禁商品售出件数（危害）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="899"/>
        <source>spam impressions avoided</source>
        <translation>避免的垃圾信息曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="900"/>
        <source>{series}: {key}</source>
        <translation>{series}：{key}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="901"/>
        <source>removal alone: recall × 2^(−x/{hours} h)</source>
        <translation>仅靠删除：召回率 × 2^(−x/{hours} 小时)</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="902"/>
        <source>% of {baseline}&apos;s impressions or units sold avoided</source>
        <translation>避免的 {baseline} 曝光或售出件数（%）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="903"/>
        <source>Harm and exposure avoided against {baseline} vs. {x} (mean and 95% band across seeds)</source>
        <translation>相对于 {baseline} 避免的危害和曝光随“{x}”的变化（各随机种子的均值和 95% 置信带）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="904"/>
        <source>Trade-off over {over}: exposure avoided vs. wrongful bans</source>
        <translation>{over} 的权衡：避免的曝光与误封</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="905"/>
        <source>Trade-off over {over} (one point per arm); Pareto front marked</source>
        <translation>{over} 的权衡（每组一个点）；标出帕累托前沿</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="906"/>
        <source>one policy variant (mean and 95% band across seeds)</source>
        <translation>一个策略变体（各随机种子的均值和 95% 置信带）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="907"/>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="908"/>
        <source>wrongful bans per 10,000 accounts</source>
        <translation>每万账户误封次数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="909"/>
        <source>% of offer + spam impressions avoided</source>
        <translation>避免的违禁 + 垃圾信息曝光（%）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="910"/>
        <source>{a} is significantly higher than {b} on {label}: difference {amount} ({band}; {test}, p = {p}).</source>
        <translation>{a} 在“{label}”上显著高于 {b}：差值 {amount}（{band}；{test}，p = {p}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="911"/>
        <source>{a} is significantly lower than {b} on {label}: difference {amount} ({band}; {test}, p = {p}).</source>
        <translation>{a} 在“{label}”上显著低于 {b}：差值 {amount}（{band}；{test}，p = {p}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="912"/>
        <source>{a} and {b} do not differ significantly on {label}: difference {amount} ({band} includes 0; {test}, p = {p}).</source>
        <translation>{a} 与 {b} 在“{label}”上没有显著差异：差值 {amount}（{band}，包含 0；{test}，p = {p}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="913"/>
        <source>{a} is significantly higher than {b} on {label}: difference {spread} ({why}).</source>
        <translation>{a} 在“{label}”上显著高于 {b}：差值 {spread}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="914"/>
        <source>{a} is significantly lower than {b} on {label}: difference {spread} ({why}).</source>
        <translation>{a} 在“{label}”上显著低于 {b}：差值 {spread}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="915"/>
        <source>{a} and {b} do not differ significantly on {label}: difference {spread} ({why}).</source>
        <translation>{a} 与 {b} 在“{label}”上没有显著差异：差值 {spread}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="916"/>
        <source>{level}% CI {lo} to {hi}</source>
        <translation>{level}% 置信区间 {lo} 至 {hi}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="917"/>
        <source>{test}, p = {p}</source>
        <translation>{test}，p = {p}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="918"/>
        <source>; {n} seeds can give no smaller p</source>
        <translation>；{n} 个随机种子不可能给出更小的 p</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="919"/>
        <source>; no smaller p is possible</source>
        <translation>；不可能有更小的 p</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="920"/>
        <source>{amount} on each of the {n} seeds</source>
        <translation>{amount}，{n} 个随机种子上均如此</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="921"/>
        <source>{amount}, each arm the same on each of its seeds</source>
        <translation>{amount}，每组在其各个随机种子上都相同</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="922"/>
        <source>sign-flip permutation test over {n} seeds</source>
        <translation>{n} 个随机种子上的符号翻转置换检验</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="923"/>
        <source>paired t-test over {n} seeds</source>
        <translation>{n} 个随机种子上的配对 t 检验</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="924"/>
        <source>permutation test, {na} and {nb} seeds</source>
        <translation>置换检验，分别 {na} 和 {nb} 个随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="925"/>
        <source>Welch t-test, {na} and {nb} seeds</source>
        <translation>Welch t 检验，分别 {na} 和 {nb} 个随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="926"/>
        <source>{a} is significantly higher than {b} on {label}: {ma} against {mb}, {halved} ({why}).</source>
        <translation>{a} 在“{label}”上显著高于 {b}：{ma}，对比 {mb}，{halved}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="927"/>
        <source>{a} is significantly lower than {b} on {label}: {ma} against {mb}, {halved} ({why}).</source>
        <translation>{a} 在“{label}”上显著低于 {b}：{ma}，对比 {mb}，{halved}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="928"/>
        <source>{a} and {b} do not differ significantly on {label}: {ma} against {mb}, {halved} ({why}).</source>
        <translation>{a} 与 {b} 在“{label}”上没有显著差异：{ma}，对比 {mb}，{halved}（{why}）。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="929"/>
        <source>halved in {ka} of {na} and {kb} of {nb} seeds</source>
        <translation>分别在 {na} 个中的 {ka} 个和 {nb} 个中的 {kb} 个随机种子中减半</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="930"/>
        <source>sign test over the {m} of {n} seeds whose order is known</source>
        <translation>在 {n} 个随机种子中先后可知的 {m} 个上的符号检验</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="931"/>
        <source>Gehan rank test with censoring, {na} and {nb} seeds</source>
        <translation>含删失的 Gehan 秩检验，{na} 个与 {nb} 个随机种子</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="932"/>
        <source> Each is summed from its own policy&apos;s start, over different days: {a} {da}, {b} {db}.</source>
        <translation>两者各自从本方策略开始之日起累计，所覆盖的天数不同：{a} {da}，{b} {db}。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="933"/>
        <source>from day {day}</source>
        <translation>自第 {day} 天起</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="934"/>
        <source>from days {lo} to {hi}</source>
        <translation>自第 {lo} 至 {hi} 天起</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="935"/>
        <source>Cannot tell whether {a} and {b} differ on {label}: {why}.</source>
        <translation>无法判断 {a} 与 {b} 在“{label}”上是否有差异：{why}。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="936"/>
        <source>{arm} has {n} seed (fewer than 2)</source>
        <translation>{arm} 只有 {n} 个随机种子（少于 2 个）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="937"/>
        <source>{arm} has {n} seeds (fewer than 2)</source>
        <translation>{arm} 只有 {n} 个随机种子（少于 2 个）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="938"/>
        <source>it is undefined for {arm} in {k} of {n} seeds ({why})</source>
        <translation>它在 {arm} 的 {n} 个随机种子中有 {k} 个无定义（{why}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="939"/>
        <source>restricted-offer volume never halved within the run</source>
        <translation>违禁商品信息量在运行期内从未减半</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="940"/>
        <source>it acts from day {day} (its first announcement or rule), after the runs&apos; last day, day {last}</source>
        <translation>它从第 {day} 天起作用（首次公告或规则），晚于运行的最后一天（第 {last} 天）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="941"/>
        <source>percentage points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="942"/>
        <source>{amount} {unit}</source>
        <translation>{amount} {unit}</translation>
    </message>
</context>
<context>
    <name>RuleInspector</name>
    <message>
        <location filename="../../app/inspectors.py" line="244"/>
        <source>Click a rule in the policy panel to inspect it</source>
        <translation>点击策略面板中的规则以查看详情</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="215"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="215"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="265"/>
        <source>&lt;b&gt;Rule {0}&lt;/b&gt; · {1} days</source>
        <translation>&lt;b&gt;规则 {0}&lt;/b&gt; · {1} 天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="274"/>
        <source>precision of the rule</source>
        <translation>规则精确率</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="277"/>
        <source>Of the posts the rule fired on, the share that were violating (true positives / hits)</source>
        <translation>规则命中的帖子中违规内容所占的比例（真阳性 / 命中）</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <location filename="../../app/panels/run_controls.py" line="47"/>
        <source>Run controls</source>
        <translation>运行控制</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="59"/>
        <source>Setup</source>
        <translation>建立</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="61"/>
        <source>Build a new world from the scenario and policy</source>
        <translation>根据场景和策略建立新世界</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="64"/>
        <location filename="../../app/panels/run_controls.py" line="116"/>
        <source>Go</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="64"/>
        <source>Run or pause</source>
        <translation>运行或暂停</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="68"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="68"/>
        <source>One day</source>
        <translation>前进一天</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="72"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="74"/>
        <source>Back to day 0 with the same settings</source>
        <translation>以相同设置回到第 0 天</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="78"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="106"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="106"/>
        <source>{0} days/s</source>
        <translation>{0} 天/秒</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="116"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="141"/>
        <source>{0} / {1} days</source>
        <translation>{0} / {1} 天</translation>
    </message>
</context>
<context>
    <name>RunProblems</name>
    <message>
        <location filename="model_texts.py" line="648"/>
        <source>{done} of {requested} days</source>
        <translation>{requested} 天中的 {done} 天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="649"/>
        <source>complete: {days}</source>
        <translation>已完成：{days}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="650"/>
        <source>running: {days} simulated, last progress recorded {seconds} s ago (a run&apos;s data is stored when it finishes; one whose process was killed reads as running for {minutes} minutes, then as incomplete)</source>
        <translation>运行中：已模拟 {days}，最近一次记录进度在 {seconds} 秒前（运行的数据在结束时才保存；进程被强行终止的运行在 {minutes} 分钟内仍显示为运行中，之后显示为未完成）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="651"/>
        <source>incomplete: stopped after {days} without being saved (no progress recorded since {when} UTC; its process probably ended without finishing, e.g. was killed)</source>
        <translation>未完成：模拟了 {days}后停止，没有保存（自 {when} UTC 起没有记录进度；它的进程很可能没有正常结束，例如被强行终止）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="652"/>
        <source>failed: stopped after {days}{reason}</source>
        <translation>失败：模拟了 {days}后停止{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="653"/>
        <source>interrupted: stopped after {days}{reason}</source>
        <translation>已中断：模拟了 {days}后停止{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="654"/>
        <source>{state}: stopped after {days}{reason}</source>
        <translation>{state}：模拟了 {days}后停止{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="655"/>
        <source> ({error})</source>
        <translation>（{error}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="656"/>
        <source>interrupted by the user</source>
        <translation>被用户中断</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="657"/>
        <source>interrupted by the user while saving</source>
        <translation>在保存时被用户中断</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="658"/>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="659"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="660"/>
        <source>report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="661"/>
        <source>run {run} is not complete; its state is {state}. It has nothing stored to {doing}</source>
        <translation>运行 {run} 没有完成，状态为{state}。它没有已保存的数据可供{doing}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="662"/>
        <source>none of these {count} runs is complete, so there is nothing stored to {doing} ({states}{more})</source>
        <translation>这 {count} 次运行都没有完成，所以没有已保存的数据可供{doing}（{states}{more}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="663"/>
        <source>run {run}: {state}</source>
        <translation>运行 {run}：{state}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="664"/>
        <source>; and {count} more</source>
        <translation>；另有 {count} 次</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="665"/>
        <source>This run is not complete; its state is {state}. Only {days} day(s) of daily metrics are stored; every number here covers those days only.</source>
        <translation>这次运行没有完成，状态为{state}。只保存了 {days} 天的每日指标；这里的每个数字都只涵盖这些天。</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="666"/>
        <source>no run {run} in this database</source>
        <translation>这个数据库里没有运行 {run}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="667"/>
        <source>no runs {runs} in this database</source>
        <translation>这个数据库里没有运行 {runs}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="668"/>
        <source>no sweep &apos;{sweep}&apos; in this database</source>
        <translation>这个数据库里没有参数扫描 &apos;{sweep}&apos;</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="669"/>
        <source>account {account} is not stored with this run</source>
        <translation>这次运行没有保存账户 {account}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="670"/>
        <source>{path} is a file, not a folder</source>
        <translation>{path} 是一个文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="671"/>
        <source>cannot create the folder {path}: {reason}</source>
        <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="672"/>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是一个文件夹，不是数据库文件</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="673"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="674"/>
        <source>{path} is not a SQLite database (it starts with {head}), so not a Circle Lab one; nothing was written to it</source>
        <translation>{path} 不是 SQLite 数据库（它以 {head} 开头），所以也不是 Circle Lab 的数据库；没有向它写入任何内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="675"/>
        <source>&apos;{scheme}://&apos; is not a database this program can use; give a SQLite file path, sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname</source>
        <translation>&apos;{scheme}://&apos; 不是本程序能使用的数据库；请给出 SQLite 文件的路径、sqlite:///path/to/file.db 或 postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="676"/>
        <source>the database driver for {scheme}:// ({driver}) is not installed: pip install &apos;{package}&apos;</source>
        <translation>没有安装 {scheme}:// 的数据库驱动（{driver}）：请用 pip install &apos;{package}&apos; 安装</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="677"/>
        <source>{summary} ({said})</source>
        <translation>{summary}（{said}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="678"/>
        <source>the server refused the user name or password</source>
        <translation>服务器拒绝了用户名或密码</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="679"/>
        <source>the server has no such database</source>
        <translation>服务器上没有这个数据库</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="680"/>
        <source>the database is read-only</source>
        <translation>数据库是只读的</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="681"/>
        <source>the user may not write to this database</source>
        <translation>该用户无权写入这个数据库</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="682"/>
        <source>the database is locked by another process (waited {seconds} s)</source>
        <translation>数据库被另一个进程锁定（已等待 {seconds} 秒）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="683"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="684"/>
        <source>the disk failed a write (full, or a file-size limit reached?)</source>
        <translation>磁盘写入失败（磁盘已满，还是达到了文件大小上限？）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="685"/>
        <source>the database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="686"/>
        <source>the file is not a SQLite database (so not a Circle Lab one)</source>
        <translation>该文件不是 SQLite 数据库（所以也不是 Circle Lab 的数据库）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="687"/>
        <source>cannot open the database file (its folder is missing or not writable)</source>
        <translation>无法打开数据库文件（它所在的文件夹不存在或不可写）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="688"/>
        <source>cannot reach the database server</source>
        <translation>无法连接到数据库服务器</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="689"/>
        <source>its {table} table names {found}, not {ours}: not a Circle Lab database; nothing was written to it</source>
        <translation>它的 {table} 表记录的应用名是 {found}，而不是 {ours}：不是 Circle Lab 的数据库；没有向它写入任何内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="690"/>
        <source>&apos;no application name&apos;</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="691"/>
        <source>it was written by a newer Circle Lab (schema version {version}; this one knows versions up to {known}): upgrade circlelab, or use another database; nothing was written to it</source>
        <translation>它由更新版本的 Circle Lab 写入（结构版本 {version}；本程序只认识到版本 {known}）：请升级 circlelab，或使用另一个数据库；没有向它写入任何内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="692"/>
        <source>its {table} table has no usable version</source>
        <translation>它的 {table} 表没有可用的版本号</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="693"/>
        <source>not a Circle Lab database: {found}; nothing was written to it</source>
        <translation>不是 Circle Lab 的数据库：{found}；没有向它写入任何内容</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="694"/>
        <source>its table &apos;{table}&apos; has columns Circle Lab never made ({names})</source>
        <translation>它的表 &apos;{table}&apos; 含有 Circle Lab 从未建过的列（{names}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="695"/>
        <source>its table &apos;{table}&apos; has no {names} column</source>
        <translation>它的表 &apos;{table}&apos; 没有 {names} 列</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="696"/>
        <source>it holds tables Circle Lab never made ({names})</source>
        <translation>它含有 Circle Lab 从未建过的表（{names}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="697"/>
        <source>it lacks the tables {names} and records no schema version</source>
        <translation>它缺少表 {names}，也没有记录结构版本</translation>
    </message>
</context>
<context>
    <name>RunState</name>
    <message>
        <location filename="../../app/panels/run_controls.py" line="24"/>
        <source>No world yet</source>
        <translation>尚无世界</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="25"/>
        <source>Setting up…</source>
        <translation>正在建立…</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="26"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="27"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="28"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="29"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../app/panels/run_controls.py" line="30"/>
        <source>Stored run</source>
        <translation>已存运行</translation>
    </message>
</context>
<context>
    <name>RunStates</name>
    <message>
        <location filename="../../app/runs_view.py" line="42"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="43"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="44"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="45"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="46"/>
        <source>incomplete</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <location filename="../../app/runs_view.py" line="71"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="73"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="74"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="75"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="76"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="78"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="79"/>
        <source>Changes</source>
        <translation>中途改动</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="92"/>
        <source>Open run</source>
        <translation>打开运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="94"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="97"/>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="99"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="106"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="106"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="185"/>
        <source> → {0} (day {1})</source>
        <translation> → {0}（第 {1} 天）</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="192"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="197"/>
        <source>day {0}: policy {1}</source>
        <translation>第 {0} 天：策略 {1}</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="200"/>
        <source>day {0}: {1} {2} → {3}</source>
        <translation>第 {0} 天：{1} {2} → {3}</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="223"/>
        <source>(the default database)</source>
        <translation>（默认数据库）</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="224"/>
        <source>Cannot open the database {0}: {1}</source>
        <translation>无法打开数据库 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="225"/>
        <source>{0} stored run(s) in {1}</source>
        <translation>{1} 中有 {0} 次已存运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="250"/>
        <source>Select a run first</source>
        <translation>请先选择一次运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="263"/>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="264"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="279"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="281"/>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite 数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="292"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../app/panels/scenario.py" line="161"/>
        <source>live: takes effect the next day</source>
        <translation>实时：下一天生效</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="163"/>
        <source>takes effect at the next setup</source>
        <translation>下次建立时生效</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="177"/>
        <source>⚡ live parameters change a running world from the next day</source>
        <translation>⚡ 实时参数会在下一天改变正在运行的世界</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="182"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
</context>
<context>
    <name>ScenarioProblems</name>
    <message>
        <location filename="model_texts.py" line="548"/>
        <source>every post is a row the engine keeps for engine.retention_days days</source>
        <translation>每条动态都是引擎要保存 engine.retention_days 天的一行数据</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="549"/>
        <source>a person posting more often is a spammer; every post is a row the engine keeps for engine.retention_days days</source>
        <translation>发得比这更频繁的人就是垃圾号了；每条动态都是引擎要保存 engine.retention_days 天的一行数据</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="550"/>
        <source>accounts a day per 10,000: more would replace the population every day</source>
        <translation>按每 10,000 个账户每天计：再多的话，每天都会换掉整个人口</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="551"/>
        <source>the engine holds every account in memory (about 3.3 KiB each with its friends and posts; 5 million need about 16 GB)</source>
        <translation>引擎把每个账户都放在内存里（连同好友和动态，每个约 3.3 KiB；500 万个账户约需 16 GB）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="552"/>
        <source>no account has more friends</source>
        <translation>没有账户有这么多好友</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="553"/>
        <source>accounts are held in memory</source>
        <translation>账户都放在内存里</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="554"/>
        <source>archetype shares must add up to 1 (they add up to {total})</source>
        <translation>各类账户的占比之和必须为 1（现在是 {total}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="555"/>
        <source>there must be some regular users (regular &gt; 0)</source>
        <translation>必须有一些普通用户（regular &gt; 0）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="556"/>
        <source>these rates make about {per_day} posts a day ({accounts} accounts); the engine runs at most {limit} a day ({why}): lower this rate or population.accounts</source>
        <translation>按这些频率，每天约有 {per_day} 条动态（{accounts} 个账户）；引擎每天最多处理 {limit} 条（{why}）：请降低这个频率或 population.accounts</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="557"/>
        <source>about {per_day} posts a day kept for {days} days is {held} posts in memory; the engine holds at most {limit} (about 27 bytes each): lower the rates, population.accounts or engine.retention_days</source>
        <translation>每天约 {per_day} 条动态保存 {days} 天，内存中就有 {held} 条；引擎最多保存 {limit} 条（每条约 27 字节）：请降低各频率、population.accounts 或 engine.retention_days</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="558"/>
        <source>an event has exactly one of: announce, set, spawn</source>
        <translation>一个事件只能有 announce、set、spawn 中的一项</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="559"/>
        <source>unknown scenario parameter &apos;{key}&apos;{hint}</source>
        <translation>未知的场景参数 &apos;{key}&apos;{hint}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="560"/>
        <source>no such scenario (presets: {known})</source>
        <translation>找不到这个场景（预设：{known}）</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="561"/>
        <source>unknown category; the catalogue has {known}</source>
        <translation>未知的类别；目录中的类别：{known}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="562"/>
        <source>unknown category &apos;{name}&apos;{hint}; the catalogue has {known}</source>
        <translation>未知的类别 &apos;{name}&apos;{hint}；目录中的类别：{known}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="563"/>
        <source>on day {day} this makes {what} invalid: {message}</source>
        <translation>到第 {day} 天，这会让 {what} 无效：{message}</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="564"/>
        <source>the scenario</source>
        <translation>场景</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../app/i18n.py" line="30"/>
        <location filename="model_texts.py" line="54"/>
        <source>posts/day</source>
        <translation>条/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="31"/>
        <location filename="model_texts.py" line="98"/>
        <source>offers/day</source>
        <translation>条/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="32"/>
        <location filename="model_texts.py" line="104"/>
        <source>impressions/day</source>
        <translation>曝光/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="33"/>
        <location filename="model_texts.py" line="53"/>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="34"/>
        <location filename="model_texts.py" line="52"/>
        <source>accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="35"/>
        <location filename="model_texts.py" line="128"/>
        <source>accounts/day</source>
        <translation>账户/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="36"/>
        <location filename="model_texts.py" line="55"/>
        <source>posts</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="37"/>
        <location filename="model_texts.py" line="56"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="38"/>
        <location filename="model_texts.py" line="58"/>
        <source>probability/day</source>
        <translation>概率/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="39"/>
        <location filename="model_texts.py" line="51"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="40"/>
        <source>friends</source>
        <translation>好友</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="41"/>
        <location filename="model_texts.py" line="59"/>
        <source>sellers/day/10k</source>
        <translation>卖家/天/万人</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="42"/>
        <location filename="model_texts.py" line="60"/>
        <source>spammers/day/10k</source>
        <translation>垃圾号/天/万人</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="43"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="44"/>
        <location filename="model_texts.py" line="121"/>
        <source>CNY/day</source>
        <translation>元/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="45"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="57"/>
        <source>share/removal day</source>
        <translation>比例/删帖日</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="111"/>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="113"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="116"/>
        <source>units/day</source>
        <translation>件/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="131"/>
        <source>factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="141"/>
        <source>warnings/day</source>
        <translation>次警告/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="143"/>
        <source>restrictions/day</source>
        <translation>次限制/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="145"/>
        <source>bans/day</source>
        <translation>次封号/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="149"/>
        <source>appeals/day</source>
        <translation>申诉/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="154"/>
        <source>decisions/day</source>
        <translation>决定/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="159"/>
        <source>hours/day</source>
        <translation>小时/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="166"/>
        <source>reports/day</source>
        <translation>举报/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="171"/>
        <source>users/day</source>
        <translation>用户/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="185"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="187"/>
        <source>posts/s</source>
        <translation>帖/秒</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="194"/>
        <source>offers</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="197"/>
        <source>impressions</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="200"/>
        <source>units</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="216"/>
        <source>bans</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="220"/>
        <source>bans/10k accounts</source>
        <translation>封号/万账户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="222"/>
        <source>accounts/10k accounts</source>
        <translation>账户/万账户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="224"/>
        <source>actions/10k accounts</source>
        <translation>处置/万账户</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="234"/>
        <source>appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="243"/>
        <source>departures</source>
        <translation>次离开</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="245"/>
        <source>returns</source>
        <translation>次回归</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="248"/>
        <source>share of baseline</source>
        <translation>占基线比例</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="262"/>
        <source>actions/day</source>
        <translation>次处置/天</translation>
    </message>
    <message>
        <location filename="model_texts.py" line="344"/>
        <source>actions</source>
        <translation>次</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/i18n.py" line="58"/>
        <source>regular</source>
        <translation>普通用户</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="59"/>
        <source>micro merchant</source>
        <translation>微商</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="60"/>
        <source>restricted seller</source>
        <translation>违禁品卖家</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="61"/>
        <source>spammer</source>
        <translation>垃圾号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="62"/>
        <source>personal</source>
        <translation>个人号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="63"/>
        <source>official</source>
        <translation>公众号/企业号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="64"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="65"/>
        <source>restricted</source>
        <translation>限制中</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="66"/>
        <source>banned</source>
        <translation>已封号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="67"/>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="68"/>
        <source>churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="69"/>
        <source>none</source>
        <translation>未规避</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="70"/>
        <source>spacing</source>
        <translation>插空格</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="71"/>
        <source>homoglyph</source>
        <translation>形近字</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="72"/>
        <source>pinyin abbrev</source>
        <translation>拼音/缩写</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="73"/>
        <source>emoji</source>
        <translation>表情替代</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="74"/>
        <source>contact only</source>
        <translation>只留联系方式</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="75"/>
        <source>image only</source>
        <translation>只发图片</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="76"/>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="77"/>
        <source>restrict</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="78"/>
        <source>ban</source>
        <translation>封号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="79"/>
        <source>reinstate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="82"/>
        <source>allow</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="83"/>
        <source>label</source>
        <translation>加标签</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="84"/>
        <source>downrank</source>
        <translation>降权</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="85"/>
        <source>review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="86"/>
        <source>remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="87"/>
        <source>upload</source>
        <translation>发布时</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="88"/>
        <source>report</source>
        <translation>举报后</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="89"/>
        <source>appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="90"/>
        <source>post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="91"/>
        <source>account</source>
        <translation>账户</translation>
    </message>
</context>
</TS>
