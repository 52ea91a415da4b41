<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountInspector</name>
    <message>
        <location filename="../../app/inspectors.py" line="96"/>
        <source>Click a post in the feed to inspect its author</source>
        <translation>点击朋友圈中的动态以查看发布者</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="57"/>
        <source>Archetype</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="58"/>
        <source>Account type</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="59"/>
        <source>Sells</source>
        <translation>售卖</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="61"/>
        <source>Joined on day</source>
        <translation>注册于第几天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="62"/>
        <source>Writing style</source>
        <translation>书写方式</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="63"/>
        <source>Violating posts</source>
        <translation>违规动态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="64"/>
        <source>Posts removed</source>
        <translation>被删动态</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="65"/>
        <source>Bans</source>
        <translation>封号</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="66"/>
        <source>Re-registrations</source>
        <translation>重新注册</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="78"/>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="79"/>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="80"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="81"/>
        <source>Wrongful</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="82"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="89"/>
        <source>Strikes, actions and appeals</source>
        <translation>违规计分、处置与申诉</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="107"/>
        <source> (since day {0})</source>
        <translation>（自第 {0} 天起）</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="131"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="131"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="141"/>
        <source>came back from banned</source>
        <translation>来自被封账号</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="145"/>
        <source>re-registered as</source>
        <translation>重新注册为</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="148"/>
        <source>generation {0}</source>
        <translation>第 {0} 代</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../app/charts.py" line="200"/>
        <source>The charts appear here after Setup (Ctrl+R)</source>
        <translation>建立世界（Ctrl+R）后图表显示在这里</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../app/charts.py" line="84"/>
        <source>Restricted-offer volume</source>
        <translation>违禁商品信息量</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="85"/>
        <source>Spam volume</source>
        <translation>垃圾信息量</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="86"/>
        <source>Advertising Circle index</source>
        <translation>“广告圈”指数</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="87"/>
        <source>Bans: correct vs wrongful</source>
        <translation>封号：正确与错误</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="88"/>
        <source>Precision and recall</source>
        <translation>精确率与召回率</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="89"/>
        <source>Review backlog</source>
        <translation>待审积压</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="92"/>
        <source>spam posted</source>
        <translation>发布的垃圾信息</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="93"/>
        <source>spam removed</source>
        <translation>删除的垃圾信息</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="94"/>
        <source>ads+spam+offers share</source>
        <translation>广告+垃圾+违禁占比</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="95"/>
        <source>spam+offers share</source>
        <translation>垃圾+违禁占比</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="96"/>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="97"/>
        <source>wrongful</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="98"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="99"/>
        <source>same-day recall</source>
        <translation>当日召回率</translation>
    </message>
    <message>
        <location filename="../../app/charts.py" line="100"/>
        <source>waiting for review</source>
        <translation>等待审核</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../app/compare.py" line="120"/>
        <location filename="../../app/compare.py" line="202"/>
        <source>Policy in the editor</source>
        <translation>编辑器中的策略</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="128"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="129"/>
        <source>Run both</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="138"/>
        <source>A (solid):</source>
        <translation>A（实线）：</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="140"/>
        <source>B (dashed):</source>
        <translation>B（虚线）：</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="146"/>
        <source>Pick two policies and press Run both</source>
        <translation>选择两个策略，然后点击“同时运行”</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="153"/>
        <location filename="../../app/compare.py" line="235"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="202"/>
        <source>Editor: {0}</source>
        <translation>编辑器：{0}</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="221"/>
        <source>The policy in the editor has errors; fix it first</source>
        <translation>编辑器中的策略有错误，请先修正</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="232"/>
        <source>A (solid lines): {0}    B (dashed lines): {1}</source>
        <translation>A（实线）：{0}    B（虚线）：{1}</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="237"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../app/compare.py" line="257"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message>
        <location filename="../../app/corpus_panel.py" line="64"/>
        <source>Labelled corpus (TSV, CSV, JSONL, Parquet)</source>
        <translation>带标注的语料（TSV、CSV、JSONL、Parquet）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="66"/>
        <source>Corpus…</source>
        <translation>语料…</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="70"/>
        <source>LABEL=TARGET pairs (targets: spam, offer, regular, life, ad, ignore)</source>
        <translation>标签=类别 对（类别：spam、offer、regular、life、ad、ignore）</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="76"/>
        <source>Map:</source>
        <translation>映射：</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="79"/>
        <source>No corpus chosen</source>
        <translation>未选择语料</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="108"/>
        <source>Choose a labelled corpus</source>
        <translation>选择带标注的语料</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="110"/>
        <source>Corpora (*.tsv *.csv *.jsonl *.ndjson *.json *.parquet)</source>
        <translation>语料 (*.tsv *.csv *.jsonl *.ndjson *.json *.parquet)</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="140"/>
        <source>Evaluating {0}…</source>
        <translation>正在评估 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="179"/>
        <source>✗ {0}</source>
        <translation>✗ {0}</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="191"/>
        <source>{0} messages ({1} spam, {2} ham): precision {3:.1%}, recall {4:.1%}, F1 {5:.1%}, false-positive rate {6:.2%}; {7:,.0f} messages/s</source>
        <translation>{0} 条消息（{1} 条垃圾，{2} 条正常）：精确率 {3:.1%}，召回率 {4:.1%}，F1 {5:.1%}，误报率 {6:.2%}；每秒 {7:,.0f} 条</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="211"/>
        <source>wrongly hit</source>
        <translation>误判</translation>
    </message>
    <message>
        <location filename="../../app/corpus_panel.py" line="212"/>
        <source>missed</source>
        <translation>漏判</translation>
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
</context>
<context>
    <name>FeedDelegate</name>
    <message>
        <location filename="../../app/feed_delegate.py" line="36"/>
        <source>Post removed for violating community rules</source>
        <translation>该内容因违反社区规范已被删除</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="37"/>
        <source>Account banned for violating community rules</source>
        <translation>该账号因违反社区规范已被封禁</translation>
    </message>
    <message>
        <location filename="../../app/feed_delegate.py" line="38"/>
        <source>Day {day} · {time}</source>
        <translation>第 {day} 天 · {time}</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <location filename="../../app/panels/feed.py" line="52"/>
        <source>Whose Friends Circle to show (a watched user)</source>
        <translation>显示谁的朋友圈（被观察用户）</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="57"/>
        <source>All posts</source>
        <translation>全部动态</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="58"/>
        <source>Life</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="59"/>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="60"/>
        <source>Spam</source>
        <translation>垃圾信息</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="61"/>
        <source>Restricted offers</source>
        <translation>违禁商品信息</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="62"/>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="97"/>
        <source>User #{0}</source>
        <translation>用户 #{0}</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="125"/>
        <source>Friends Circle · no feed yet</source>
        <translation>朋友圈 · 尚无内容</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="127"/>
        <source>Friends Circle · day {0} · {1} posts</source>
        <translation>朋友圈 · 第 {0} 天 · {1} 条动态</translation>
    </message>
    <message>
        <location filename="../../app/panels/feed.py" line="128"/>
        <source>Friends Circle · day {0} · {1} of {2} posts ({3})</source>
        <translation>朋友圈 · 第 {0} 天 · {2} 条中的 {1} 条（{3}）</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../app/i18n.py" line="44"/>
        <source>life</source>
        <translation>生活</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="45"/>
        <source>ad</source>
        <translation>广告</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="46"/>
        <source>spam</source>
        <translation>垃圾</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="47"/>
        <source>offer</source>
        <translation>违禁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="143"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="145"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="147"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="172"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="174"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="187"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="188"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="191"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="196"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="201"/>
        <source>Friends Circle</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="205"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="230"/>
        <source>Pick a scenario and a policy, then Setup (Ctrl+R)</source>
        <translation>选择场景和策略，然后点击“建立”（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="252"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="256"/>
        <source>Open policy…</source>
        <translation>打开策略…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="259"/>
        <source>Save policy</source>
        <translation>保存策略</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="263"/>
        <source>Save policy as…</source>
        <translation>策略另存为…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="270"/>
        <source>Save run and report…</source>
        <translation>保存运行和报告…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="274"/>
        <source>Store this run in the Runs database and write its report to a folder</source>
        <translation>把这次运行存入运行记录数据库，并把报告写入文件夹</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="278"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="287"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="293"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="299"/>
        <source>Lock layout</source>
        <translation>锁定布局</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="302"/>
        <source>Panels cannot be dragged away or floated by accident; unlock to rearrange</source>
        <translation>面板不会被误拖走或浮出；解锁后可重新排列</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="307"/>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="311"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="369"/>
        <source>Policy saved to {0}</source>
        <translation>策略已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="374"/>
        <source>{0}: takes effect at the next setup</source>
        <translation>{0}：下次建立时生效</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="418"/>
        <source>{0}[*] — Circle Lab, moderation-policy laboratory</source>
        <translation>{0}[*] — 朋友圈实验室，内容治理策略实验</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="452"/>
        <source>Layout reset</source>
        <translation>布局已恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="474"/>
        <source>Not set up: the policy in the editor has {0} problem(s); fix it first</source>
        <translation>未建立：编辑器中的策略有 {0} 个问题，请先修正</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="492"/>
        <source>Setting up…</source>
        <translation>正在建立…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="537"/>
        <source>{0}: used at the next setup</source>
        <translation>{0}：下次建立时使用</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="599"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="606"/>
        <source>Starting the engine process…</source>
        <translation>正在启动引擎进程…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="615"/>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="621"/>
        <source>The run has reached its last day: Reset or Setup to run again</source>
        <translation>运行已到最后一天：重置或重新建立后才能再运行</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="623"/>
        <source>No world yet: press Setup (Ctrl+R) first</source>
        <translation>尚无世界：请先点击“建立”（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="633"/>
        <source>Run finished: {0} of {1} days simulated</source>
        <translation>运行结束：已模拟 {1} 天中的 {0} 天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="644"/>
        <source>{0} from day {1}</source>
        <translation>{0}，自第 {1} 天起</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="651"/>
        <source>Saved as run #{0}; report in {1}</source>
        <translation>已保存为运行 #{0}；报告在 {1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="767"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="773"/>
        <source>Daily metrics written to {0}</source>
        <translation>每日指标已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="793"/>
        <source>Folder for the run&apos;s report</source>
        <translation>运行报告的存放文件夹</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="802"/>
        <source>Report written to {0}</source>
        <translation>报告已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="806"/>
        <source>Saving the run…</source>
        <translation>正在保存运行…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="835"/>
        <source>The language stays as it is</source>
        <translation>界面语言保持不变</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="838"/>
        <source>The language changes to {0} at the next start</source>
        <translation>下次启动时界面语言将切换为{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="519"/>
        <source>Will be used at the next setup: {0}</source>
        <translation>将在下次建立时使用：{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="558"/>
        <source>In force: {0} (from day 0)</source>
        <translation>生效中：{0}（自第 0 天）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="560"/>
        <source>Ready: seed {0}, {1} days</source>
        <translation>就绪：种子 {0}，{1} 天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="639"/>
        <source>In force: {0} (from day {1})</source>
        <translation>生效中：{0}（自第 {1} 天）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="640"/>
        <source>Policy applied from day {0}</source>
        <translation>策略自第 {0} 天起生效</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="723"/>
        <source>Stored run #{0}: {1}</source>
        <translation>保存的运行 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="726"/>
        <source>Opened stored run #{0} ({1})</source>
        <translation>已打开保存的运行 #{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="735"/>
        <source>Nothing to export yet: run at least one day</source>
        <translation>尚无可导出的内容：请至少运行一天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="747"/>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="748"/>
        <source>{0} images (*.{1})</source>
        <translation>{0} 图片 (*.{1})</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="754"/>
        <source>Charts written to {0}</source>
        <translation>图表已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="766"/>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
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
    <name>PolicyPanel</name>
    <message>
        <location filename="../../app/panels/policy.py" line="87"/>
        <source>Load a preset policy into the editor (undoable)</source>
        <translation>将预设策略载入编辑器（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="92"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="95"/>
        <source>Put this policy in force from the next day (Ctrl+Enter)</source>
        <translation>自下一天起启用此策略（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="100"/>
        <source>Apply policy</source>
        <translation>应用策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="104"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="113"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="114"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="116"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="135"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="136"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="137"/>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="138"/>
        <source>Strikes</source>
        <translation>违规计分</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="139"/>
        <source>Hits so far</source>
        <translation>累计命中</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="147"/>
        <source>Click a rule to inspect it</source>
        <translation>点击规则查看详情</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="274"/>
        <source>YAML policies (*.yaml *.yml)</source>
        <translation>YAML 策略 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="273"/>
        <source>Save policy</source>
        <translation>保存策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="107"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="110"/>
        <source>Save to the open file; a preset or a new text asks where (Ctrl+S)</source>
        <translation>保存到当前文件；预设或新文本会询问保存位置（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="191"/>
        <source>preset {0}</source>
        <translation>预设 {0}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="192"/>
        <source>new policy</source>
        <translation>新策略</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="200"/>
        <source>Editing: {0}{1}</source>
        <translation>正在编辑：{0}{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="254"/>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="285"/>
        <source>The presets belong to the app; save your policy in another folder</source>
        <translation>预设属于应用本身；请把你的策略保存到其他文件夹</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="291"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="315"/>
        <source>Cannot apply: the policy has {0} problem(s); the policy in force is unchanged</source>
        <translation>无法应用：策略有 {0} 个问题；生效中的策略不变</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="343"/>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="334"/>
        <source>✓ Valid: {0} ({1} rules)</source>
        <translation>✓ 有效：{0}（{1} 条规则）</translation>
    </message>
    <message>
        <location filename="../../app/panels/policy.py" line="337"/>
        <source>✗ {0} problem(s) — the policy in force is unchanged</source>
        <translation>✗ {0} 个问题 — 生效中的策略保持不变</translation>
    </message>
</context>
<context>
    <name>RuleInspector</name>
    <message>
        <location filename="../../app/inspectors.py" line="207"/>
        <source>Click a rule in the policy panel to inspect it</source>
        <translation>点击策略面板中的规则以查看详情</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="167"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="168"/>
        <source>posts or accounts per day</source>
        <translation>每天条数或账户数</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="173"/>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="174"/>
        <source>true positives</source>
        <translation>真阳性</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="175"/>
        <source>false positives</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="176"/>
        <source>wrongful account actions</source>
        <translation>错误的账户处置</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="179"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="179"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="228"/>
        <source>&lt;b&gt;Rule {0}&lt;/b&gt; · {1} days</source>
        <translation>&lt;b&gt;规则 {0}&lt;/b&gt; · {1} 天</translation>
    </message>
    <message>
        <location filename="../../app/inspectors.py" line="234"/>
        <source>precision (true positives / hits)</source>
        <translation>精确率（真阳性/命中）</translation>
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
    <name>RunsView</name>
    <message>
        <location filename="../../app/runs_view.py" line="46"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="47"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="48"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="49"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="50"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="51"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="53"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="63"/>
        <source>Open run</source>
        <translation>打开运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="65"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="68"/>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="70"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="115"/>
        <source>Cannot open the database {0}: {1}</source>
        <translation>无法打开数据库 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="118"/>
        <source>{0} stored run(s) in {1}</source>
        <translation>{1} 中有 {0} 次已存运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="140"/>
        <source>Select a run first</source>
        <translation>请先选择一次运行</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="146"/>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="147"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="162"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="164"/>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite 数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../app/runs_view.py" line="175"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../app/panels/scenario.py" line="140"/>
        <source>live: takes effect the next day</source>
        <translation>实时：下一天生效</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="142"/>
        <source>takes effect at the next setup</source>
        <translation>下次建立时生效</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="156"/>
        <source>⚡ live parameters change a running world from the next day</source>
        <translation>⚡ 实时参数会在下一天改变正在运行的世界</translation>
    </message>
    <message>
        <location filename="../../app/panels/scenario.py" line="161"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../app/i18n.py" line="25"/>
        <source>posts/day</source>
        <translation>条/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="26"/>
        <source>offers/day</source>
        <translation>条/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="27"/>
        <source>impressions/day</source>
        <translation>曝光/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="28"/>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="29"/>
        <source>accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="30"/>
        <source>accounts/day</source>
        <translation>账户/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="31"/>
        <source>posts</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="32"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="33"/>
        <source>probability/day</source>
        <translation>概率/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="34"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="35"/>
        <source>friends</source>
        <translation>好友</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="36"/>
        <source>sellers/day/10k</source>
        <translation>卖家/天/万人</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="37"/>
        <source>spammers/day/10k</source>
        <translation>垃圾号/天/万人</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="38"/>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="39"/>
        <source>CNY/day</source>
        <translation>元/天</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="40"/>
        <source>day</source>
        <translation>天</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../app/i18n.py" line="53"/>
        <source>regular</source>
        <translation>普通用户</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="54"/>
        <source>micro merchant</source>
        <translation>微商</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="55"/>
        <source>restricted seller</source>
        <translation>违禁品卖家</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="56"/>
        <source>spammer</source>
        <translation>垃圾号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="57"/>
        <source>personal</source>
        <translation>个人号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="58"/>
        <source>official</source>
        <translation>公众号/企业号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="59"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="60"/>
        <source>restricted</source>
        <translation>限制中</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="61"/>
        <source>banned</source>
        <translation>已封号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="62"/>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="63"/>
        <source>churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="64"/>
        <source>none</source>
        <translation>未规避</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="65"/>
        <source>spacing</source>
        <translation>插空格</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="66"/>
        <source>homoglyph</source>
        <translation>形近字</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="67"/>
        <source>pinyin abbrev</source>
        <translation>拼音/缩写</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="68"/>
        <source>emoji</source>
        <translation>表情替代</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="69"/>
        <source>contact only</source>
        <translation>只留联系方式</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="70"/>
        <source>image only</source>
        <translation>只发图片</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="71"/>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="72"/>
        <source>restrict</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="73"/>
        <source>ban</source>
        <translation>封号</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="74"/>
        <source>reinstate</source>
        <translation>恢复</translation>
    </message>
</context>
</TS>
