<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessFormat</name>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Reads models, deployments and metrics; cannot call models or change anything.</source>
        <translation>可读取模型、部署和指标；不能调用模型，也不能做任何更改。</translation>
    </message>
    <message>
        <source>Also calls models (inference), deploys them and changes models and deployments.</source>
        <translation>还可以调用模型（推理）、部署模型，以及更改模型和部署。</translation>
    </message>
    <message>
        <source>Everything an operator may do, and creates and revokes tokens.</source>
        <translation>可执行操作员的所有操作，还可以创建和吊销令牌。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>infer</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>modify</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>%1 (+ every other model)</source>
        <translation>%1（以及其他所有模型）</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>other models</source>
        <translation>其他模型</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AccessPage</name>
    <message>
        <source>API Tokens</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <source>Who May Do What</source>
        <translation>权限一览</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Token actions</source>
        <translation>令牌操作</translation>
    </message>
    <message>
        <source>&amp;New Token…</source>
        <translation>新建令牌(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an API token; its secret is shown once</source>
        <translation>创建 API 令牌；其密钥只显示一次</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>吊销(&amp;R)…</translation>
    </message>
    <message>
        <source>Revoke the selected token: the server refuses it at once</source>
        <translation>吊销所选令牌：服务器将立即拒绝它</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the tokens again (changes by the CLI are picked up every second)</source>
        <translation>重新读取令牌（通过 CLI 所做的变更也会每秒自动获取）</translation>
    </message>
    <message>
        <source>No API tokens yet.

The HTTP API refuses every management call, and inference on private deployments, without a token. Create one with New Token… — or on the command line with 'modeldesk-cli tokens create'.</source>
        <translation>还没有 API 令牌。

没有令牌时，HTTP API 会拒绝所有管理调用以及对私有部署的推理请求。请用“新建令牌…”创建一个，或在命令行中运行“modeldesk-cli tokens create”。</translation>
    </message>
    <message>
        <source>Secrets are never shown here: the registry keeps only their hashes. The console and the command line act as the OS user (%1) and are recorded as such in the audit log.</source>
        <translation>此处从不显示密钥：注册表只保存其哈希值。控制台和命令行以操作系统用户（%1）的身份执行操作，并以该身份记录在审计日志中。</translation>
    </message>
    <message>
        <source>What each active token may do on each model over the HTTP API, from its role and scope — the same rules the server applies. &lt;b&gt;R&lt;/b&gt; read · &lt;b&gt;I&lt;/b&gt; infer · &lt;b&gt;D&lt;/b&gt; deploy · &lt;b&gt;M&lt;/b&gt; modify. Tokens without a scope reach models added later too; revoked and expired tokens may do nothing and are left out.</source>
        <translation>各有效令牌根据其角色和范围，可通过 HTTP API 对各模型执行的操作——与服务器采用的规则相同。&lt;b&gt;R&lt;/b&gt; 读取 · &lt;b&gt;I&lt;/b&gt; 推理 · &lt;b&gt;D&lt;/b&gt; 部署 · &lt;b&gt;M&lt;/b&gt; 修改。没有范围限制的令牌也能访问以后添加的模型；已吊销和已过期的令牌不能执行任何操作，因此不列出。</translation>
    </message>
    <message>
        <source>Cannot read the API tokens: %1</source>
        <translation>无法读取 API 令牌：%1</translation>
    </message>
    <message>
        <source>No models yet. Import or train one on the Models or Training page; this table then shows which token may read, call, deploy or change it.</source>
        <translation>还没有模型。请在“模型”或“训练”页面导入或训练一个模型；之后此表会显示哪些令牌可以读取、调用、部署或修改它。</translation>
    </message>
    <message>
        <source>No active tokens: nobody may use the HTTP API except public inference endpoints. Create a token on the API Tokens tab.</source>
        <translation>没有有效的令牌：除公开的推理端点外，任何人都不能使用 HTTP API。请在“API 令牌”选项卡中创建令牌。</translation>
    </message>
    <message>
        <source>Token not created: %1</source>
        <translation>未创建令牌：%1</translation>
    </message>
    <message>
        <source>Token Not Created</source>
        <translation>未创建令牌</translation>
    </message>
    <message>
        <source>The token could not be created.

%1</source>
        <translation>无法创建该令牌。

%1</translation>
    </message>
    <message>
        <source>Token '%1' created (%2, %3).</source>
        <translation>已创建令牌“%1”（%2，%3）。</translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation>吊销令牌</translation>
    </message>
    <message>
        <source>Revoke the token '%1'?</source>
        <translation>要吊销令牌“%1”吗？</translation>
    </message>
    <message>
        <source>Programs that use it are refused from the next request on. This cannot be undone: to give access again, create a new token.</source>
        <translation>使用它的程序从下一个请求起将被拒绝。此操作无法撤销：如需重新授予访问权限，请创建新令牌。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Token '%1' not revoked: %2</source>
        <translation>未吊销令牌“%1”：%2</translation>
    </message>
    <message>
        <source>Token Not Revoked</source>
        <translation>未吊销令牌</translation>
    </message>
    <message>
        <source>The token could not be revoked.

%1</source>
        <translation>无法吊销该令牌。

%1</translation>
    </message>
    <message>
        <source>Token '%1' revoked; the server refuses it from now on.</source>
        <translation>已吊销令牌“%1”；服务器从现在起将拒绝它。</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Show the active alerts on the Monitoring page</source>
        <translation>在“监控”页面显示活动告警</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this banner until another alert fires (the alerts stay listed on the Monitoring page)</source>
        <translation>隐藏此横幅，直到有新的告警触发（告警仍会列在“监控”页面上）</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts firing. Latest: %1</source>
        <translation>
            <numerusform>%n 条告警正在触发。最新：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertRuleDialog</name>
    <message>
        <source>e.g. 5ms, 250us or 0.5s</source>
        <translation>例如 5ms、250us 或 0.5s</translation>
    </message>
    <message>
        <source>e.g. 2.5%</source>
        <translation>例如 2.5%</translation>
    </message>
    <message>
        <source>e.g. 512MiB or 2GB</source>
        <translation>例如 512MiB 或 2GB</translation>
    </message>
    <message>
        <source>e.g. 100 (per second)</source>
        <translation>例如 100（每秒）</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>New Alert Rule</source>
        <translation>新建告警规则</translation>
    </message>
    <message>
        <source>e.g. iris-slow (a-z, 0-9, '.', '_', '-')</source>
        <translation>例如 iris-slow（a-z、0-9、“.”、“_”、“-”）</translation>
    </message>
    <message>
        <source>every deployment</source>
        <translation>所有部署</translation>
    </message>
    <message>
        <source>every version</source>
        <translation>所有版本</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>e.g. 0s, 30s, 5m</source>
        <translation>例如 0s、30s、5m</translation>
    </message>
    <message>
        <source>optional: what to do when it fires</source>
        <translation>可选：触发时应如何处理</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>指标(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Deployment:</source>
        <translation>部署(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Fires when:</source>
        <translation>触发条件：</translation>
    </message>
    <message>
        <source>For at &amp;least:</source>
        <translation>持续至少(&amp;L)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>Enter a name for the rule.</source>
        <translation>请输入规则名称。</translation>
    </message>
    <message>
        <source>Choose a series.</source>
        <translation>请选择一个指标。</translation>
    </message>
    <message>
        <source>Enter a threshold (%1).</source>
        <translation>请输入阈值（%1）。</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Alert Rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>A rule fires when a series stays above or below its threshold for the given time, and clears by itself when the condition ends. Firing alerts show on the Monitoring page, in the banner and the log, and are recorded in the audit trail.</source>
        <translation>当某个指标在指定时长内持续高于或低于其阈值时，规则即会触发；条件消失后告警会自动解除。正在触发的告警会显示在“监控”页面、横幅和日志中，并记录在审计记录中。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Alert rule %1 added.</source>
        <translation>已添加告警规则 %1。</translation>
    </message>
    <message>
        <source>Alert rule %1 removed.</source>
        <translation>已移除告警规则 %1。</translation>
    </message>
    <message>
        <source>Alert rule %1 not changed: %2</source>
        <translation>告警规则 %1 未更改：%2</translation>
    </message>
    <message>
        <source>No rules yet: click Add to watch a series, e.g. latency_p99 above 50ms for 30s.</source>
        <translation>还没有规则：点击“添加”来监视一个指标，例如 latency_p99 持续 30s 高于 50ms。</translation>
    </message>
    <message>
        <source>Remove Alert Rule</source>
        <translation>移除告警规则</translation>
    </message>
    <message>
        <source>Remove the alert rule '%1'? If it is firing, its alert clears.</source>
        <translation>要移除告警规则“%1”吗？如果它正在触发，其告警将被解除。</translation>
    </message>
</context>
<context>
    <name>AliasCommand</name>
    <message>
        <source>Remove Alias %1</source>
        <translation>移除别名 %1</translation>
    </message>
    <message>
        <source>Move Alias %1 to Version %2</source>
        <translation>将别名 %1 移到版本 %2</translation>
    </message>
    <message>
        <source>Set Alias %1 on Version %2</source>
        <translation>在版本 %2 上设置别名 %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>LibTorch %1; BLAS: %2 (%3)</source>
        <translation>LibTorch %1；BLAS：%2（%3）</translation>
    </message>
    <message>
        <source>no libblas.so.3 loaded</source>
        <translation>未加载 libblas.so.3</translation>
    </message>
    <message>
        <source>ModelDesk: train, version, deploy and monitor PyTorch models on this workstation.</source>
        <translation>ModelDesk：在本机训练、管理版本、部署和监控 PyTorch 模型。</translation>
    </message>
    <message>
        <source>Use the workspace folder DIR (default: $MODELDESK_WORKSPACE, else the app-data folder).</source>
        <translation>使用工作区文件夹 DIR（默认：$MODELDESK_WORKSPACE，否则为应用数据文件夹）。</translation>
    </message>
    <message>
        <source>TorchScript files to import.</source>
        <translation>要导入的 TorchScript 文件。</translation>
    </message>
    <message>
        <source>ModelDesk</source>
        <translation>ModelDesk</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened:
%2</source>
        <translation>无法打开工作区 %1：
%2</translation>
    </message>
    <message>
        <source>The model registry in %1 cannot be opened:
%2</source>
        <translation>无法打开 %1 中的模型注册表：
%2</translation>
    </message>
    <message>
        <source>Workspace %1 opened.</source>
        <translation>已打开工作区 %1。</translation>
    </message>
    <message>
        <source>The slow reference BLAS is loaded; install libopenblas0-pthread for 5-20x faster training and inference.</source>
        <translation>已加载缓慢的参考 BLAS；请安装 libopenblas0-pthread，训练和推理可快 5-20 倍。</translation>
    </message>
    <message>
        <source>modeldesk-cli was not found next to this program: imported files are checked inside the console process.</source>
        <translation>在本程序旁未找到 modeldesk-cli：导入的文件将在控制台进程内检查。</translation>
    </message>
    <message>
        <source>Keep the registry in PostgreSQL, e.g. postgresql://user@host:5432/modeldesk (default: $MODELDESK_REGISTRY_URL, else config.json registry.url, else the workspace's registry.sqlite).</source>
        <translation>将注册表保存在 PostgreSQL 中，例如 postgresql://user@host:5432/modeldesk（默认：$MODELDESK_REGISTRY_URL，否则为 config.json 中的 registry.url，再否则为工作区的 registry.sqlite）。</translation>
    </message>
    <message>
        <source>Encrypted deployments loaded: %1</source>
        <translation>已加载加密的部署：%1</translation>
    </message>
    <message>
        <source>Serving: %1</source>
        <translation>模型服务：%1</translation>
    </message>
    <message>
        <source>The HTTP server did not start (%1). Deployments still run inside the console; pick another port on the Deployments page.</source>
        <translation>HTTP 服务器未启动（%1）。部署仍在控制台内运行；请在“部署”页面选择其他端口。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditWidget</name>
    <message>
        <source>any (OS user or token name)</source>
        <translation>任意（操作系统用户或令牌名称）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>An action such as token.create, or a kind ending in '.' for all its actions</source>
        <translation>操作名称，如 token.create；或以“.”结尾的类别，表示该类别的所有操作</translation>
    </message>
    <message>
        <source>model name, or e.g. token/ or deployment/</source>
        <translation>模型名称，或如 token/、deployment/</translation>
    </message>
    <message>
        <source>words in any column</source>
        <translation>任意列中的文字</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>At most this many matches are kept (newest first)</source>
        <translation>最多保留这么多条匹配结果（最新的在前）</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every match of the current search as a CSV file</source>
        <translation>将当前搜索的所有匹配结果保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>操作者：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Model/target:</source>
        <translation>模型/对象：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>Max. matches:</source>
        <translation>最大匹配数：</translation>
    </message>
    <message>
        <source>‹ Newer</source>
        <translation>‹ 较新</translation>
    </message>
    <message>
        <source>Older ›</source>
        <translation>较旧 ›</translation>
    </message>
    <message>
        <source>Audit search: %1</source>
        <translation>审计搜索：%1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <source>Audit search failed: %1</source>
        <translation>审计搜索失败：%1</translation>
    </message>
    <message>
        <source>No entries match. Every change made from the console, the CLI or the API is recorded here with who made it; widen the search or clear the filters.</source>
        <translation>没有匹配的条目。通过控制台、CLI 或 API 进行的每项更改都会连同操作者记录在这里；请放宽搜索条件或清除筛选条件。</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>第 %1–%2 条，共 %3 条，最新的在前</translation>
    </message>
    <message>
        <source> (only the newest %1 are kept: narrow the search)</source>
        <translation>（只保留最新的 %1 条：请缩小搜索范围）</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Audit export failed: %1</source>
        <translation>审计日志导出失败：%1</translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2.</source>
        <translation>已将 %1 条审计记录导出到 %2。</translation>
    </message>
</context>
<context>
    <name>BatchingForm</name>
    <message>
        <source>Largest batch the dynamic batcher stacks (1 = batching off)</source>
        <translation>动态批处理器合并成一批的最大请求数（1 = 关闭批处理）</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> µs</translation>
    </message>
    <message>
        <source>Longest a request waits for others to fill a batch; a lone request is not held back</source>
        <translation>请求为凑满一批而等待其他请求的最长时间；单独到达的请求不会被延迟</translation>
    </message>
    <message>
        <source>Worker threads running forward in parallel (this machine has %1 cores)</source>
        <translation>并行执行前向计算的工作线程数（本机有 %1 个核心）</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads per worker</source>
        <translation>每个工作线程使用的 LibTorch 算子内线程数</translation>
    </message>
    <message>
        <source>Requests waiting at most; more are answered 503 with Retry-After</source>
        <translation>最多可排队等待的请求数；超出的请求会收到带 Retry-After 的 503 响应</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Time a request may wait before it is answered 504</source>
        <translation>请求在收到 504 响应之前最多可等待的时间</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Unload after this long without requests; the next request loads it again (0 = never)</source>
        <translation>无请求持续此时长后卸载；下一个请求会重新加载它（0 = 永不）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Public: inference without an API token</source>
        <translation>公开：无需 API 令牌即可推理</translation>
    </message>
    <message>
        <source>Management always needs a token. Private deployments answer 401 to callers without one.</source>
        <translation>管理操作始终需要令牌。私有部署会对没有令牌的调用方返回 401。</translation>
    </message>
    <message>
        <source>Max batch size:</source>
        <translation>最大批大小：</translation>
    </message>
    <message>
        <source>Max queue delay:</source>
        <translation>最大排队延迟：</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>工作线程数：</translation>
    </message>
    <message>
        <source>Intra-op threads:</source>
        <translation>算子内线程数：</translation>
    </message>
    <message>
        <source>Queue capacity:</source>
        <translation>队列容量：</translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation>请求超时：</translation>
    </message>
    <message>
        <source>Idle unload after:</source>
        <translation>空闲卸载时长：</translation>
    </message>
</context>
<context>
    <name>CatalogWorker</name>
    <message>
        <source>Cannot watch the registry for changes: %1</source>
        <translation>无法监视注册表的变更：%1</translation>
    </message>
    <message>
        <source>Registry poll failed: %1</source>
        <translation>轮询注册表失败：%1</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>刷新失败：%1</translation>
    </message>
    <message>
        <source>Cannot list models: %1</source>
        <translation>无法列出模型：%1</translation>
    </message>
    <message>
        <source>Cannot list versions: %1</source>
        <translation>无法列出版本：%1</translation>
    </message>
    <message>
        <source>Cannot read the audit log of '%1': %2</source>
        <translation>无法读取“%1”的审计日志：%2</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Cannot set alias '%1' on %2:%3</source>
        <translation>无法在 %2:%3 上设置别名“%1”</translation>
    </message>
    <message>
        <source>Alias %1@%2 now points at version %3.</source>
        <translation>别名 %1@%2 现在指向版本 %3。</translation>
    </message>
    <message>
        <source>Cannot remove alias %1@%2</source>
        <translation>无法移除别名 %1@%2</translation>
    </message>
    <message>
        <source>Alias %1@%2 removed.</source>
        <translation>已移除别名 %1@%2。</translation>
    </message>
    <message>
        <source>Cannot set tag '%1' on %2:%3</source>
        <translation>无法在 %2:%3 上设置标签“%1”</translation>
    </message>
    <message>
        <source>Tag %1=%2 set on %3:%4.</source>
        <translation>已在 %3:%4 上设置标签 %1=%2。</translation>
    </message>
    <message>
        <source>Cannot remove tag '%1' from %2:%3</source>
        <translation>无法从 %2:%3 移除标签“%1”</translation>
    </message>
    <message>
        <source>Tag '%1' removed from %2:%3.</source>
        <translation>已从 %2:%3 移除标签“%1”。</translation>
    </message>
    <message>
        <source>Cannot delete %1:%2</source>
        <translation>无法删除 %1:%2</translation>
    </message>
    <message>
        <source>Deleted %1:%2.</source>
        <translation>已删除 %1:%2。</translation>
    </message>
    <message>
        <source>Cannot delete model '%1'</source>
        <translation>无法删除模型“%1”</translation>
    </message>
    <message>
        <source>Deleted model '%1' and all its versions.</source>
        <translation>已删除模型“%1”及其所有版本。</translation>
    </message>
    <message>
        <source>Cannot export %1:%2: %3</source>
        <translation>无法导出 %1:%2：%3</translation>
    </message>
    <message>
        <source>Exported %1:%2 to %3.</source>
        <translation>已将 %1:%2 导出到 %3。</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to a page, run an action, find a model, version or deployment…</source>
        <translation>转到页面、执行操作、查找模型、版本或部署…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer letters, or a model name.</source>
        <translation>没有与“%1”匹配的项。请少输入几个字母，或输入模型名称。</translation>
    </message>
    <message numerus="yes">
        <source>↑↓ to choose, Enter to open, Esc to close — %n match(es)</source>
        <translation>
            <numerusform>↑↓ 选择，Enter 打开，Esc 关闭 — %n 个匹配项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>%1 (train)</source>
        <translation>%1（训练）</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>比较 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation accuracy per epoch</source>
        <translation>每轮验证准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Validation loss per epoch</source>
        <translation>每轮验证损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>提前停止耐心值</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Epochs done</source>
        <translation>已完成轮数</translation>
    </message>
    <message>
        <source>Best validation accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Test macro F1</source>
        <translation>测试宏 F1</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练用时</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <source>No confusion matrix</source>
        <translation>无混淆矩阵</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>true %1, predicted %2: %3 of %4 (%5%)</source>
        <translation>真实 %1，预测 %2：%4 个中有 %3 个（%5%）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>Warming up</source>
        <translation>预热中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>Idle (loads on request)</source>
        <translation>空闲（收到请求时加载）</translation>
    </message>
    <message>
        <source>Unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source> + canary %1 (%2%)</source>
        <translation> + 金丝雀版本 %1（%2%）</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>HTTP server:</source>
        <translation>HTTP 服务器：</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>服务版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/s</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Nothing is deployed yet. Deploy a model version on the Deployments page (Ctrl+4) to serve it over HTTP.</source>
        <translation>还没有任何部署。请在“部署”页面（Ctrl+4）部署一个模型版本，以通过 HTTP 提供服务。</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <source>No active alerts. Alert rules are set on the Monitoring page (Ctrl+5).</source>
        <translation>没有活动告警。告警规则可在“监控”页面（Ctrl+5）设置。</translation>
    </message>
    <message>
        <source>Recent training runs</source>
        <translation>最近的训练运行</translation>
    </message>
    <message>
        <source>No training runs yet. Train a model on the Training page (Ctrl+3).</source>
        <translation>还没有训练运行。请在“训练”页面（Ctrl+3）训练一个模型。</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>最近的变更</translation>
    </message>
    <message>
        <source>No changes recorded yet. Imports, aliases, deployments and tokens appear here.</source>
        <translation>还没有记录任何变更。导入、别名、部署和令牌的变更会显示在这里。</translation>
    </message>
    <message>
        <source>Double-click or press Enter on an entry to open its page. Ctrl+K searches everything.</source>
        <translation>双击条目或选中后按 Enter 可打开其页面。按 Ctrl+K 可搜索全部内容。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Deployments answer inside the console only; start the server to serve other programs.</source>
        <translation>部署仅在控制台内响应；启动服务器后才能为其他程序提供服务。</translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>The dashboard cannot read the registry: %1. Check the workspace on the Settings page.</source>
        <translation>仪表板无法读取注册表：%1。请在“设置”页面检查工作区。</translation>
    </message>
    <message>
        <source>Open %1 on the Deployments page</source>
        <translation>在“部署”页面打开 %1</translation>
    </message>
    <message>
        <source>Open run %1 on the Training page</source>
        <translation>在“训练”页面打开运行 %1</translation>
    </message>
</context>
<context>
    <name>DemoOfferWidget</name>
    <message>
        <source>See ModelDesk at work in about a minute</source>
        <translation>花大约一分钟，看看 ModelDesk 的实际效果</translation>
    </message>
    <message>
        <source>The demo trains a small classifier on Fashion-MNIST clothing images, registers it as model %1 with the alias %2, deploys it and sends it a little traffic, so every page has something to show. It runs offline, in the background, and can be removed in one click.</source>
        <translation>演示会用 Fashion-MNIST 服装图像训练一个小型分类器，将其注册为模型 %1 并设置别名 %2，然后部署它并发送少量流量，让每个页面都有内容可看。演示离线运行于后台，可一键移除。</translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed, so the demo uses a small sample built into ModelDesk. For the full data set: sudo apt install dataset-fashion-mnist</source>
        <translation>未安装 Fashion-MNIST，因此演示将使用 ModelDesk 内置的小型样本。如需完整数据集：sudo apt install dataset-fashion-mnist</translation>
    </message>
    <message>
        <source>Data: Fashion-MNIST from %1 (60 000 training images).</source>
        <translation>数据：来自 %1 的 Fashion-MNIST（60,000 张训练图像）。</translation>
    </message>
    <message>
        <source>Run the demo</source>
        <translation>运行演示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pause traffic</source>
        <translation>暂停流量</translation>
    </message>
    <message>
        <source>Watch the charts</source>
        <translation>查看图表</translation>
    </message>
    <message>
        <source>Remove demo…</source>
        <translation>移除演示…</translation>
    </message>
    <message>
        <source>Stop the traffic, undeploy and delete the demo model with its versions</source>
        <translation>停止流量，取消部署，并删除演示模型及其版本</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Hide this card and do not offer the demo again on this workspace</source>
        <translation>隐藏此卡片，并且不再在此工作区中提供演示</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Fashion-MNIST, or the sample built into ModelDesk</source>
        <translation>Fashion-MNIST，或 ModelDesk 内置的样本</translation>
    </message>
    <message>
        <source>A small MLP, a few seconds on the CPU; live curves on the Training page</source>
        <translation>一个小型 MLP，在 CPU 上只需几秒；可在“训练”页面查看实时曲线</translation>
    </message>
    <message>
        <source>Version 1 of %1, alias %2</source>
        <translation>%1 的版本 1，别名 %2</translation>
    </message>
    <message>
        <source>Served by the local runtime and HTTP server</source>
        <translation>由本地运行时和 HTTP 服务器提供服务</translation>
    </message>
    <message>
        <source>%1 test images per second, so the Monitoring charts move</source>
        <translation>每秒 %1 张测试图像，让监控图表动起来</translation>
    </message>
    <message>
        <source>Run the demo again</source>
        <translation>再次运行演示</translation>
    </message>
    <message>
        <source>Resume traffic</source>
        <translation>恢复流量</translation>
    </message>
    <message>
        <source>Traffic paused: %1 requests answered.</source>
        <translation>流量已暂停：已应答 %1 个请求。</translation>
    </message>
    <message>
        <source>Traffic: %1 requests per second to %2 — %3 answered, %4 failed.</source>
        <translation>流量：每秒向 %2 发送 %1 个请求 — 已应答 %3 个，失败 %4 个。</translation>
    </message>
    <message>
        <source>Remove the demo</source>
        <translation>移除演示</translation>
    </message>
    <message>
        <source>Stop the demo traffic, remove the deployment %1 and delete the model %1 with all its versions?

The demo's training run and its dataset record stay in the registry's history.</source>
        <translation>要停止演示流量、移除部署 %1 并删除模型 %1 及其所有版本吗？

演示的训练运行及其数据集记录会保留在注册表的历史记录中。</translation>
    </message>
</context>
<context>
    <name>DemoRunner</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <source>Demo cancelled; what it already created stays until you remove the demo.</source>
        <translation>演示已取消；已创建的内容会一直保留，直到移除演示。</translation>
    </message>
    <message>
        <source>Looking for Fashion-MNIST…</source>
        <translation>正在查找 Fashion-MNIST…</translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed: the demo uses its small built-in set (%1 test images). Install the package dataset-fashion-mnist for the full demo.</source>
        <translation>未安装 Fashion-MNIST：演示将使用其内置的小型数据集（%1 张测试图像）。安装软件包 dataset-fashion-mnist 即可运行完整演示。</translation>
    </message>
    <message>
        <source>Built-in sample of Fashion-MNIST (install dataset-fashion-mnist for the full set)</source>
        <translation>Fashion-MNIST 内置样本（安装 dataset-fashion-mnist 可获得完整数据集）</translation>
    </message>
    <message>
        <source>Fashion-MNIST from %1</source>
        <translation>来自 %1 的 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Already trained: %1 version %2</source>
        <translation>已训练：%1 版本 %2</translation>
    </message>
    <message>
        <source>%1:%2 is %3</source>
        <translation>%3 指向 %1:%2</translation>
    </message>
    <message>
        <source>First-run demo: an MLP trained on Fashion-MNIST by the console</source>
        <translation>首次运行演示：由控制台在 Fashion-MNIST 上训练的 MLP</translation>
    </message>
    <message>
        <source>Demo: training run %1 started.</source>
        <translation>演示：训练运行 %1 已开始。</translation>
    </message>
    <message>
        <source>epoch %1/%2, %3 images/s</source>
        <translation>轮次 %1/%2，%3 张图像/s</translation>
    </message>
    <message>
        <source>Training an MLP (%1 epoch(s))…</source>
        <translation>正在训练 MLP（%1 轮）…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Trained in %1 s, test accuracy %2%</source>
        <translation>训练用时 %1 s，测试准确率 %2%</translation>
    </message>
    <message>
        <source>Trained in %1 s</source>
        <translation>训练用时 %1 s</translation>
    </message>
    <message>
        <source>the training run %1 registered no version</source>
        <translation>训练运行 %1 未注册任何版本</translation>
    </message>
    <message>
        <source>Pointing %1 at version %2…</source>
        <translation>正在将 %1 指向版本 %2…</translation>
    </message>
    <message>
        <source>%1 version %2 is %3</source>
        <translation>%3 指向 %1 版本 %2</translation>
    </message>
    <message>
        <source>Loading %1 into the runtime…</source>
        <translation>正在将 %1 加载到运行时…</translation>
    </message>
    <message>
        <source>Demo traffic: a request failed: %1</source>
        <translation>演示流量：有请求失败：%1</translation>
    </message>
    <message>
        <source>%1 is ready (version %2)</source>
        <translation>%1 已就绪（版本 %2）</translation>
    </message>
    <message>
        <source>No synthetic traffic (switched off)</source>
        <translation>无合成流量（已关闭）</translation>
    </message>
    <message>
        <source>Sending %1 requests per second…</source>
        <translation>正在每秒发送 %1 个请求…</translation>
    </message>
    <message>
        <source>%1 test images per second; watch the Monitoring page</source>
        <translation>每秒 %1 张测试图像；请查看“监控”页面</translation>
    </message>
    <message>
        <source>Demo live %1 s after it started: %2 is answering requests.</source>
        <translation>演示在启动 %1 s 后上线：%2 正在应答请求。</translation>
    </message>
    <message>
        <source>Demo: no test images yet; start the demo first.</source>
        <translation>演示：尚无测试图像；请先启动演示。</translation>
    </message>
    <message>
        <source>Demo: the try-it request failed: %1</source>
        <translation>演示：试用请求失败：%1</translation>
    </message>
    <message>
        <source>Demo: removing it failed: %1</source>
        <translation>演示：移除失败：%1</translation>
    </message>
    <message>
        <source>Demo removed: its deployment and the model %1 with its versions (the training run and the dataset record stay in the history).</source>
        <translation>演示已移除：其部署以及模型 %1 和它的各个版本均已删除（训练运行和数据集记录保留在历史记录中）。</translation>
    </message>
    <message>
        <source>Demo removed: its deployment and the demo's versions of %1; the versions added by hand stay.</source>
        <translation>演示已移除：其部署以及演示创建的 %1 版本均已删除；手动添加的版本会保留。</translation>
    </message>
</context>
<context>
    <name>DemoTryItWidget</name>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>When the model is deployed, a test image and the model's answer appear here.</source>
        <translation>模型部署后，测试图像和模型的预测结果会显示在这里。</translation>
    </message>
    <message>
        <source>Another image</source>
        <translation>换一张图像</translation>
    </message>
    <message>
        <source>Classify another image from the test split with the deployed model</source>
        <translation>用已部署的模型对测试集中的另一张图像进行分类</translation>
    </message>
    <message>
        <source>&lt;span style="color:#2e7d32"&gt;correct&lt;/span&gt;</source>
        <translation>&lt;span style="color:#2e7d32"&gt;正确&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style="color:#c62828"&gt;wrong&lt;/span&gt;</source>
        <translation>&lt;span style="color:#c62828"&gt;错误&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model says:&lt;/b&gt; %1 (%2%)&lt;br&gt;&lt;b&gt;True label:&lt;/b&gt; %3 — %4&lt;br&gt;&lt;small&gt;Test image #%5, answered by version %6 in %7 ms&lt;/small&gt;</source>
        <translation>&lt;b&gt;模型预测：&lt;/b&gt;%1（%2%）&lt;br&gt;&lt;b&gt;真实标签：&lt;/b&gt;%3 — %4&lt;br&gt;&lt;small&gt;测试图像 #%5，由版本 %6 在 %7 ms 内给出结果&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>DeployDialog</name>
    <message>
        <source>Deploy a Model Version</source>
        <translation>部署模型版本</translation>
    </message>
    <message>
        <source>A model of the registry</source>
        <translation>注册表中的一个模型</translation>
    </message>
    <message>
        <source>A pinned version, or an alias: the deployment follows the alias when it moves</source>
        <translation>固定版本或别名：别名移动时，部署会跟随它</translation>
    </message>
    <message>
        <source>endpoint name, e.g. fashion</source>
        <translation>端点名称，例如 fashion</translation>
    </message>
    <message>
        <source>The name clients use: /v2/models/&lt;name&gt;/infer. Lower-case letters, digits, '.', '_' and '-', up to 64 characters.</source>
        <translation>客户端使用的名称：/v2/models/&lt;name&gt;/infer。可使用小写字母、数字、“.”、“_”和“-”，最多 64 个字符。</translation>
    </message>
    <message>
        <source>optional, e.g. X-User-Id</source>
        <translation>可选，例如 X-User-Id</translation>
    </message>
    <message>
        <source>With a canary: requests with the same value of this header always reach the same version</source>
        <translation>使用金丝雀时：此请求头的值相同的请求总会到达同一版本</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>Canary sticky header:</source>
        <translation>金丝雀粘性请求头：</translation>
    </message>
    <message>
        <source>Batching, workers and access</source>
        <translation>批处理、工作线程和访问权限</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>@%1 (now v%2, followed when it moves)</source>
        <translation>@%1（当前为 v%2，别名移动时跟随）</translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation>v%1 — %2</translation>
    </message>
    <message>
        <source>, test accuracy %1</source>
        <translation>，测试准确率 %1</translation>
    </message>
    <message>
        <source>The registry has no model version yet: import or train one on the Models or Training page.</source>
        <translation>注册表中还没有模型版本：请在“模型”或“训练”页面导入或训练一个。</translation>
    </message>
    <message>
        <source>Choose a version or an alias.</source>
        <translation>请选择一个版本或别名。</translation>
    </message>
    <message>
        <source>Endpoint '%1' exists: deploying updates it — a changed version is hot-swapped with no failed request, and the batching settings are applied.</source>
        <translation>端点“%1”已存在：部署将更新它——更改后的版本会热切换，不会有请求失败，并应用批处理设置。</translation>
    </message>
    <message>
        <source>The model loads and warms up in the background; the table shows its progress. Clients call it at /v2/models/%1/infer.</source>
        <translation>模型会在后台加载和预热；表格中会显示进度。客户端通过 /v2/models/%1/infer 调用它。</translation>
    </message>
</context>
<context>
    <name>DeploymentTableModel</name>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>warming up…</source>
        <translation>预热中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>idle (loads on next request)</source>
        <translation>空闲（收到下一个请求时加载）</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>%1 · %2%, canary v%3 · %4%</source>
        <translation>%1 · %2%，金丝雀 v%3 · %4%</translation>
    </message>
    <message>
        <source>v%1: %2</source>
        <translation>v%1：%2</translation>
    </message>
    <message>
        <source>Unloaded after %1 s without requests; the next request loads it again.</source>
        <translation>%1 s 内无请求，已卸载；下一个请求会重新加载它。</translation>
    </message>
    <message>
        <source>Rollback goes to v%1 (history: %2)</source>
        <translation>回滚将回到 v%1（历史：%2）</translation>
    </message>
    <message>
        <source>Last second, all callers (HTTP, CLI, console); p99 = 99th percentile latency, receive to answer</source>
        <translation>最近一秒，所有调用方（HTTP、CLI、控制台）；p99 = 从接收到响应的第 99 百分位延迟</translation>
    </message>
    <message>
        <source>v%1: %2 requests/s, p99 %3</source>
        <translation>v%1：%2 请求/s，p99 %3</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Anyone who can reach the server may call it</source>
        <translation>任何能访问服务器的人都可以调用它</translation>
    </message>
    <message>
        <source>Callers need an API token</source>
        <translation>调用方需要 API 令牌</translation>
    </message>
    <message>
        <source>Requests waiting for a worker (%1 being computed)</source>
        <translation>等待工作线程的请求数（%1 个正在计算）</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Version(s)</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>QPS</source>
        <translation>QPS</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
</context>
<context>
    <name>DeploymentsPage</name>
    <message>
        <source>%1 of '%2' failed: %3</source>
        <translation>“%2”的%1操作失败：%3</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1失败</translation>
    </message>
    <message>
        <source>Cannot deploy: %1</source>
        <translation>无法部署：%1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>%1 (latest version)</source>
        <translation>%1（最新版本）</translation>
    </message>
    <message>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <source>Deployment '%1' updated to %2.</source>
        <translation>部署“%1”已更新为 %2。</translation>
    </message>
    <message>
        <source>Deploying %1 as '%2': loading and warming up in the background.</source>
        <translation>正在将 %1 部署为“%2”：正在后台加载和预热。</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>切换版本</translation>
    </message>
    <message>
        <source>loading v%1 next to the serving version</source>
        <translation>正在当前服务版本旁加载 v%1</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>切换版本</translation>
    </message>
    <message>
        <source>Deployment '%1' now serves v%2 (hot swap; the old version drained).</source>
        <translation>部署“%1”现在提供 v%2（热切换；旧版本已排空）。</translation>
    </message>
    <message>
        <source>Deployment '%1' rolled back to v%2.</source>
        <translation>部署“%1”已回滚到 v%2。</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Rollback of '%1' failed: %2</source>
        <translation>“%1”回滚失败：%2</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>回滚失败</translation>
    </message>
    <message>
        <source>Deployment '%1': canary v%2 gets %3% of routed traffic.</source>
        <translation>部署“%1”：金丝雀 v%2 获得 %3% 的路由流量。</translation>
    </message>
    <message>
        <source>Deployment '%1': canary removed, the primary version gets all traffic.</source>
        <translation>部署“%1”：已移除金丝雀，主版本获得全部流量。</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀设置</translation>
    </message>
    <message>
        <source>Deployment '%1': max batch %2, delay %3 µs, %4 worker(s) × %5 thread(s), queue %6, timeout %7 ms, %8 — applied live.</source>
        <translation>部署“%1”：最大批大小 %2，延迟 %3 µs，%4 个工作线程 × %5 个线程，队列 %6，超时 %7 ms，%8——已在线应用。</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>token required</source>
        <translation>需要令牌</translation>
    </message>
    <message>
        <source>Configure</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>Deployment '%1' unloaded: its memory is freed; Load Again serves it again.</source>
        <translation>部署“%1”已卸载：其内存已释放；点击“重新加载”可再次提供服务。</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Deployment '%1' is loading again.</source>
        <translation>部署“%1”正在重新加载。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Deployment '%1' removed; the model versions stay in the registry.</source>
        <translation>部署“%1”已移除；模型版本仍保留在注册表中。</translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation>v%1 — %2</translation>
    </message>
    <message>
        <source> (@%1)</source>
        <translation>（@%1）</translation>
    </message>
    <message>
        <source>, test accuracy %1</source>
        <translation>，测试准确率 %1</translation>
    </message>
    <message>
        <source>Swap Version</source>
        <translation>切换版本</translation>
    </message>
    <message>
        <source>Model '%1' has no other version to swap to. Import or train one first.</source>
        <translation>模型“%1”没有可切换到的其他版本。请先导入或训练一个。</translation>
    </message>
    <message>
        <source>Serve another version of %1 on '%2' (now v%3). It is loaded and warmed first; no request fails. An alias is no longer followed.</source>
        <translation>在“%2”上提供 %1 的另一个版本（当前为 v%3）。新版本会先加载并预热，不会有请求失败。之后将不再跟随别名。</translation>
    </message>
    <message>
        <source>Unload Deployment</source>
        <translation>卸载部署</translation>
    </message>
    <message>
        <source>Unload '%1'? Its memory is freed and requests are answered 503 until you load it again. The definition stays.</source>
        <translation>要卸载“%1”吗？其内存将被释放，在重新加载之前，请求将收到 503 响应。部署定义会保留。</translation>
    </message>
    <message>
        <source>Remove Deployment</source>
        <translation>移除部署</translation>
    </message>
    <message>
        <source>Remove the deployment '%1'? The endpoint stops answering at once (clients get 404) and it is not restored at the next start. The versions of %2 stay in the registry.</source>
        <translation>要移除部署“%1”吗？该端点将立即停止响应（客户端会收到 404），下次启动时也不会恢复。%2 的各个版本仍保留在注册表中。</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <source>Serve a model version (or an alias) on an endpoint</source>
        <translation>在端点上提供模型版本（或别名）的服务</translation>
    </message>
    <message>
        <source>S&amp;wap Version…</source>
        <translation>切换版本(&amp;W)…</translation>
    </message>
    <message>
        <source>Hot-swap the selected deployment to another version, with no failed request</source>
        <translation>将所选部署热切换到另一个版本，不会有请求失败</translation>
    </message>
    <message>
        <source>&amp;Rollback</source>
        <translation>回滚(&amp;R)</translation>
    </message>
    <message>
        <source>Go back to the version served before the last swap</source>
        <translation>回到上次切换前提供服务的版本</translation>
    </message>
    <message>
        <source>&amp;Unload</source>
        <translation>卸载(&amp;U)</translation>
    </message>
    <message>
        <source>Free the model's memory; the definition stays and can be loaded again</source>
        <translation>释放模型占用的内存；部署定义会保留，可以重新加载</translation>
    </message>
    <message>
        <source>&amp;Load Again</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Load an unloaded or failed deployment again</source>
        <translation>重新加载已卸载或失败的部署</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>Delete the deployment: the endpoint stops answering (the versions stay in the registry)</source>
        <translation>删除该部署：端点将停止响应（版本仍保留在注册表中）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the deployments again (also done every second)</source>
        <translation>重新读取部署（也会每秒自动读取）</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>HTTP server (KServe v2, management API, /metrics)</source>
        <translation>HTTP 服务器（KServe v2、管理 API、/metrics）</translation>
    </message>
    <message>
        <source>Deployment actions</source>
        <translation>部署操作</translation>
    </message>
    <message>
        <source>No deployments yet — deploy a version from here or from the Models page (right-click).</source>
        <translation>还没有部署——可从这里或“模型”页面（右键单击）部署一个版本。</translation>
    </message>
    <message>
        <source>A deployment serves one version (or follows an alias such as 'production') at /v2/models/&lt;endpoint&gt;/infer, with dynamic batching and hot swaps.</source>
        <translation>一个部署在 /v2/models/&lt;endpoint&gt;/infer 上提供一个版本的服务（或跟随“production”等别名），支持动态批处理和热切换。</translation>
    </message>
    <message>
        <source>Deploy a Version…</source>
        <translation>部署版本…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Try It</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Batching &amp;&amp; Canary</source>
        <translation>批处理和金丝雀</translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>Deployment '%1' failed: %2</source>
        <translation>部署“%1”失败：%2</translation>
    </message>
    <message>
        <source>Deployment '%1' is ready: %2 v%3.</source>
        <translation>部署“%1”已就绪：%2 v%3。</translation>
    </message>
    <message>
        <source>now serves v%1</source>
        <translation>现在提供 v%1</translation>
    </message>
    <message>
        <source>was v%1</source>
        <translation>原为 v%1</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in 1 s</source>
        <translation>
            <numerusform>1 s 内 %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>, p50 %1 ms, p99 %2 ms</source>
        <translation>，p50 %1 ms，p99 %2 ms</translation>
    </message>
    <message>
        <source>Go back to v%1 (served before the last swap)</source>
        <translation>回到 v%1（上次切换前提供服务的版本）</translation>
    </message>
    <message>
        <source>Go back to the version served before the last swap (none yet)</source>
        <translation>回到上次切换前提供服务的版本（暂无）</translation>
    </message>
    <message>
        <source>The last %1 events: requests sent from this console, each request the HTTP server answered (under heavy traffic, the newest %2 at each refresh), one line per second of traffic answered by each deployment (all callers), state changes and actions. Newest first.</source>
        <translation>最近 %1 条事件：从本控制台发送的请求、HTTP 服务器应答的每个请求（流量大时，每次刷新只列出最新的 %2 条）、每个部署每秒一行的流量汇总（所有调用方）、状态变化和操作。最新的在前。</translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP 请求</translation>
    </message>
    <message>
        <source>List each request the HTTP server answers (method, path, status, latency, caller)</source>
        <translation>列出 HTTP 服务器应答的每个请求（方法、路径、状态、延迟、调用方）</translation>
    </message>
    <message numerus="yes">
        <source>%n not listed</source>
        <translation>
            <numerusform>%n 条未列出</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %1 requests since the last refresh: only the newest are listed; the per-second lines count them all</source>
        <translation>自上次刷新以来超过 %1 个请求：只列出最新的；每秒汇总行统计全部请求</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>无令牌</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>令牌 %1</translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation>%1（%2，来自 %3）</translation>
    </message>
</context>
<context>
    <name>EncryptionSettingsWidget</name>
    <message>
        <source>Encryption at Rest</source>
        <translation>静态加密</translation>
    </message>
    <message>
        <source>Reading the state of the model files...</source>
        <translation>正在读取模型文件的状态...</translation>
    </message>
    <message>
        <source>Unlock...</source>
        <translation>解锁...</translation>
    </message>
    <message>
        <source>Turn On...</source>
        <translation>开启...</translation>
    </message>
    <message>
        <source>Turn Off...</source>
        <translation>关闭...</translation>
    </message>
    <message>
        <source>%v of %m model files</source>
        <translation>%v / %m 个模型文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Encrypted model files (AES-256-GCM) are decrypted only in memory. Their key is kept in the OS keychain, or protected by a passphrase where there is none. Turning it on or off converts every file safely: an interrupted run leaves each file readable and can simply be repeated.</source>
        <translation>加密的模型文件（AES-256-GCM）仅在内存中解密。其密钥保存在操作系统钥匙串中；没有钥匙串时则由口令保护。开启或关闭加密都会安全地转换每个文件：中断的转换会让每个文件保持可读，只需重新执行即可。</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>Checking the OS keychain...</source>
        <translation>正在检查操作系统钥匙串...</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>正在停止...</translation>
    </message>
    <message>
        <source>The state of the model files cannot be read: %1</source>
        <translation>无法读取模型文件的状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>On: %1 of %n model file(s) encrypted.</source>
        <translation>
            <numerusform>已开启：%n 个模型文件中有 %1 个已加密。</numerusform>
        </translation>
    </message>
    <message>
        <source>The key is protected by a passphrase.</source>
        <translation>密钥由口令保护。</translation>
    </message>
    <message>
        <source>The key is in the OS keychain.</source>
        <translation>密钥保存在操作系统钥匙串中。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are still plaintext: turn it on again to finish.</source>
        <translation>
            <numerusform>仍有 %n 个文件为明文：请再次开启以完成加密。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Off: model files are stored as they are (%n file(s)).</source>
        <translation>
            <numerusform>已关闭：模型文件按原样存储（%n 个文件）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are still encrypted: turn it off again to finish.</source>
        <translation>
            <numerusform>仍有 %n 个文件处于加密状态：请再次关闭以完成解密。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not convert: %1</source>
        <translation>无法转换：%1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Available: secrets are stored in the OS keychain (service "%1").</source>
        <translation>可用：密钥保存在操作系统钥匙串中（服务“%1”）。</translation>
    </message>
    <message>
        <source>No secure store: %1
ModelDesk never writes secrets to a file instead. To encrypt models here, protect the key with a passphrase that you type at each start (see docs/security.md); or unlock or install a keychain (gnome-keyring, KWallet, KeePassXC) and check again.</source>
        <translation>没有安全存储：%1
ModelDesk 绝不会改为将密钥写入文件。要在此加密模型，请使用每次启动时输入的口令保护密钥（参见 docs/security.md）；或者解锁或安装钥匙串（gnome-keyring、KWallet、KeePassXC）后重新检查。</translation>
    </message>
    <message>
        <source>the keychain did not answer.</source>
        <translation>钥匙串没有响应。</translation>
    </message>
    <message>
        <source>Turn On Encryption</source>
        <translation>开启加密</translation>
    </message>
    <message numerus="yes">
        <source>Encrypt every model file of this workspace (%n file(s))?

The key goes to the OS keychain, so ModelDesk can open the models at start without asking. Or protect it with a passphrase that you type at each start.</source>
        <translation>
            <numerusform>要加密此工作区的所有模型文件（%n 个文件）吗？

密钥将保存到操作系统钥匙串中，这样 ModelDesk 启动时无需询问即可打开模型。也可以改用每次启动时输入的口令来保护密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the Keychain</source>
        <translation>使用钥匙串</translation>
    </message>
    <message>
        <source>Use a Passphrase...</source>
        <translation>使用口令...</translation>
    </message>
    <message>
        <source>Turn Off Encryption</source>
        <translation>关闭加密</translation>
    </message>
    <message>
        <source>Decrypt every model file of this workspace? They are then stored in plain form on disk, readable by anyone who can read the workspace folder, and the key is removed.</source>
        <translation>要解密此工作区的所有模型文件吗？解密后它们将以明文形式存储在磁盘上，任何能读取工作区文件夹的人都能读取它们，并且密钥将被删除。</translation>
    </message>
    <message>
        <source>An encryption change is already running.</source>
        <translation>已有一项加密更改正在进行。</translation>
    </message>
    <message>
        <source>Unlock the workspace first: its key is needed to finish encrypting.</source>
        <translation>请先解锁工作区：需要其密钥才能完成加密。</translation>
    </message>
    <message>
        <source>Encrypting the model files...</source>
        <translation>正在加密模型文件...</translation>
    </message>
    <message>
        <source>Unlock the workspace first: its key is needed to decrypt the model files.</source>
        <translation>请先解锁工作区：需要其密钥才能解密模型文件。</translation>
    </message>
    <message>
        <source>Decrypting the model files...</source>
        <translation>正在解密模型文件...</translation>
    </message>
    <message>
        <source>Encryption change failed: %1</source>
        <translation>更改加密失败：%1</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluation of run %1</source>
        <translation>运行 %1 的评估</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 split&lt;/b&gt;: %2 examples, accuracy &lt;b&gt;%3&lt;/b&gt; (majority-class baseline %4), macro F1 %5.</source>
        <translation>&lt;b&gt;%1集&lt;/b&gt;：%2 个样本，准确率 &lt;b&gt;%3&lt;/b&gt;（多数类基线 %4），宏 F1 %5。</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted class. Blue: correct share of the row; orange: confusions.</source>
        <translation>行：真实类别；列：预测类别。蓝色：该行中预测正确的比例；橙色：混淆。</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;TorchScript File…</source>
        <translation>TorchScript 文件(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the version's TorchScript file (plain, loadable by torch.jit.load)</source>
        <translation>保存该版本的 TorchScript 文件（未加密，可由 torch.jit.load 加载）</translation>
    </message>
    <message>
        <source>T&amp;riton Repository…</source>
        <translation>Triton 模型仓库(&amp;R)…</translation>
    </message>
    <message>
        <source>Write &lt;folder&gt;/&lt;model&gt;/config.pbtxt and &lt;version&gt;/model.pt for Triton Inference Server</source>
        <translation>为 Triton Inference Server 写入 &lt;folder&gt;/&lt;model&gt;/config.pbtxt 和 &lt;version&gt;/model.pt</translation>
    </message>
    <message>
        <source>&amp;KServe Manifest…</source>
        <translation>KServe 清单(&amp;K)…</translation>
    </message>
    <message>
        <source>Write a KServe InferenceService manifest (YAML) for this version</source>
        <translation>为此版本写入 KServe InferenceService 清单（YAML）</translation>
    </message>
    <message>
        <source>Another export is still running; try again when it has finished.</source>
        <translation>另一个导出仍在进行；请在它完成后再试。</translation>
    </message>
    <message>
        <source>Export %1 as TorchScript</source>
        <translation>将 %1 导出为 TorchScript</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation>TorchScript 模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Triton model repository for %1 (the model folder goes inside)</source>
        <translation>%1 的 Triton 模型仓库（模型文件夹将放在其中）</translation>
    </message>
    <message>
        <source>KServe manifest for %1</source>
        <translation>%1 的 KServe 清单</translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 清单 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 does not record the data type and dims of input %2 ('%3'). Give them as DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,784</source>
        <translation>%1 未记录输入 %2（“%3”）的数据类型和维度。请按 DTYPE:DIMS 格式填写，批维度用 -1，例如 FP32:-1,784</translation>
    </message>
    <message>
        <source>%1 does not record the data type and dims of output %2 ('%3'). Give them as DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,10</source>
        <translation>%1 未记录输出 %2（“%3”）的数据类型和维度。请按 DTYPE:DIMS 格式填写，批维度用 -1，例如 FP32:-1,10</translation>
    </message>
    <message>
        <source>Triton Tensor Type</source>
        <translation>Triton 张量类型</translation>
    </message>
    <message>
        <source>'%1' is not DTYPE:DIMS: a type such as FP32, INT64 or BOOL, then dims that are -1 or positive, e.g. FP32:-1,784. %2 %3 ('%4') of %5:</source>
        <translation>“%1”不是 DTYPE:DIMS 格式：类型如 FP32、INT64 或 BOOL，其后的维度为 -1 或正数，例如 FP32:-1,784。%5 的%2 %3（“%4”）：</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Triton export of %1 cancelled.</source>
        <translation>%1 的 Triton 导出已取消。</translation>
    </message>
    <message>
        <source>Replace Model Folder</source>
        <translation>替换模型文件夹</translation>
    </message>
    <message>
        <source>%1 already has a folder '%2'. Replace it with version %3?

The new folder is written beside it first, so the old one stays if the export fails.</source>
        <translation>%1 中已有文件夹“%2”。要用版本 %3 替换它吗？

新文件夹会先写在它旁边，因此如果导出失败，旧文件夹会保留。</translation>
    </message>
    <message>
        <source>Triton export of %1 cancelled: the model folder exists.</source>
        <translation>%1 的 Triton 导出已取消：模型文件夹已存在。</translation>
    </message>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>已将 %1 导出到 %2。</translation>
    </message>
    <message>
        <source>Cannot export %1 for Triton: %2</source>
        <translation>无法为 Triton 导出 %1：%2</translation>
    </message>
    <message>
        <source>Wrote the Triton model %1 to %2 (max_batch_size %3%4).</source>
        <translation>已将 Triton 模型 %1 写入 %2（max_batch_size %3%4）。</translation>
    </message>
    <message>
        <source>, batching from deployment '%1'</source>
        <translation>，批处理设置来自部署“%1”</translation>
    </message>
    <message>
        <source>Cannot write a KServe manifest for %1: %2</source>
        <translation>无法为 %1 生成 KServe 清单：%2</translation>
    </message>
    <message>
        <source>Cannot write the KServe manifest %1: %2</source>
        <translation>无法写入 KServe 清单 %1：%2</translation>
    </message>
    <message>
        <source>Wrote the KServe manifest for %1 (InferenceService '%2') to %3.</source>
        <translation>已将 %1 的 KServe 清单（InferenceService“%2”）写入 %3。</translation>
    </message>
    <message>
        <source>Write Plaintext Model</source>
        <translation>写入明文模型</translation>
    </message>
    <message>
        <source>%1 is encrypted at rest. %2 needs plain TorchScript, so the export writes the model unencrypted to:

%3

Anyone who can read that place can read the model. Write it?</source>
        <translation>%1 已静态加密。%2 需要未加密的 TorchScript，因此导出会将模型以明文写入：

%3

任何能读取该位置的人都能读取此模型。要写入吗？</translation>
    </message>
    <message>
        <source>Triton</source>
        <translation>Triton</translation>
    </message>
    <message>
        <source>A TorchScript file</source>
        <translation>TorchScript 文件</translation>
    </message>
    <message>
        <source>Export of %1 cancelled: it stays encrypted only.</source>
        <translation>%1 的导出已取消：它仍只以加密形式保存。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>e.g. fashion-classifier</source>
        <translation>例如 fashion-classifier</translation>
    </message>
    <message>
        <source>Optional: what this version is, where it comes from</source>
        <translation>可选：这个版本是什么、来自哪里</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Model &amp;name:</source>
        <translation>模型名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Enter a model name.</source>
        <translation>请输入模型名称。</translation>
    </message>
    <message>
        <source>'%1' is not a valid model name: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit, and no '..'.</source>
        <translation>“%1”不是有效的模型名称：请使用 1-64 个字符（a-z、0-9、“.”、“_”或“-”），以字母或数字开头，且不含“..”。</translation>
    </message>
    <message>
        <source>Adds the next version of the existing model '%1'.</source>
        <translation>将作为现有模型“%1”的下一个版本添加。</translation>
    </message>
    <message>
        <source>Creates the new model '%1' with version 1.</source>
        <translation>将创建新模型“%1”，版本为 1。</translation>
    </message>
</context>
<context>
    <name>ImportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing %1 as '%2' (%3 of %4)…</source>
        <translation>正在将 %1 导入为“%2”（%3 / %4）…</translation>
    </message>
    <message>
        <source>Cancelling the import of %1…</source>
        <translation>正在取消 %1 的导入…</translation>
    </message>
    <message>
        <source>Importing %1 as '%2'…</source>
        <translation>正在将 %1 导入为“%2”…</translation>
    </message>
    <message>
        <source>Checking %1 (TorchScript validation)…</source>
        <translation>正在检查 %1（TorchScript 验证）…</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Errors, warnings and completed actions appear here.</source>
        <translation>错误、警告和已完成的操作显示在这里。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the log panel</source>
        <translation>清除日志面板</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ModelDesk — %1</source>
        <translation>ModelDesk — %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问控制</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation>日志面板(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ModelDesk</source>
        <translation>关于 ModelDesk(&amp;A)</translation>
    </message>
    <message>
        <source>About ModelDesk</source>
        <translation>关于 ModelDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;ModelDesk %1&lt;/b&gt;&lt;p&gt;Train, version, deploy and monitor PyTorch models on this workstation.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;ModelDesk %1&lt;/b&gt;&lt;p&gt;在本机训练、管理版本、部署和监控 PyTorch 模型。&lt;/p&gt;&lt;p&gt;工作区：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Start &amp;Server</source>
        <translation>启动服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Start or stop the local HTTP server (deployments keep running inside the console)</source>
        <translation>启动或停止本地 HTTP 服务器（部署仍在控制台内运行）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <source>Search pages, actions, models, versions and deployments</source>
        <translation>搜索页面、操作、模型、版本和部署</translation>
    </message>
    <message>
        <source>&amp;Find Models…</source>
        <translation>查找模型(&amp;F)…</translation>
    </message>
    <message>
        <source>Filter the Models page by model, alias, tag or digest</source>
        <translation>按模型、别名、标签或摘要筛选“模型”页面</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>In the command palette, type a few letters of anything — a page, an action, a model, a version, a deployment — and press Enter.</source>
        <translation>在命令面板中，输入任意内容（页面、操作、模型、版本、部署）的几个字母，然后按 Enter。</translation>
    </message>
    <message>
        <source>%1:%2 is no longer in the registry.</source>
        <translation>%1:%2 已不在注册表中。</translation>
    </message>
    <message numerus="yes">
        <source>model, %n version(s)</source>
        <translation>
            <numerusform>模型，%n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <source>deployment of %1 (%2)</source>
        <translation>%1 的部署（%2）</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>ModelDesk alert</source>
        <translation>ModelDesk 告警</translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation>告警已解除：%1</translation>
    </message>
    <message>
        <source>Training run %1 finished: %2</source>
        <translation>训练运行 %1 已完成：%2</translation>
    </message>
    <message>
        <source>Training run %1 did not finish: %2</source>
        <translation>训练运行 %1 未完成：%2</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>训练已完成</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>The HTTP server did not start on %1:%2 (%3). If another program uses that port, choose another one in the settings and start the server again.</source>
        <translation>HTTP 服务器未能在 %1:%2 上启动（%3）。如果其他程序正在使用该端口，请在设置中选择其他端口，然后重新启动服务器。</translation>
    </message>
    <message>
        <source>HTTP server started on %1.</source>
        <translation>HTTP 服务器已在 %1 上启动。</translation>
    </message>
    <message>
        <source>HTTP server stopped. Deployments stay loaded and still answer inside the console.</source>
        <translation>HTTP 服务器已停止。部署仍保持加载，并仍在控制台内响应。</translation>
    </message>
    <message>
        <source>Stop &amp;Server</source>
        <translation>停止服务器(&amp;S)</translation>
    </message>
    <message>
        <source>ModelDesk keeps running</source>
        <translation>ModelDesk 仍在运行</translation>
    </message>
    <message>
        <source>The server keeps serving. Open the window or quit from the tray icon.</source>
        <translation>服务器仍在提供服务。可从托盘图标打开窗口或退出。</translation>
    </message>
    <message>
        <source>Window closed to the tray; the server keeps serving.</source>
        <translation>窗口已关闭到托盘；服务器仍在提供服务。</translation>
    </message>
</context>
<context>
    <name>MetricTile</name>
    <message>
        <source>Click to show this deployment in the charts</source>
        <translation>点击以在图表中显示此部署</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation>TorchScript 模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 → version %2</source>
        <translation>%1 → 版本 %2</translation>
    </message>
    <message>
        <source>Alias to point at %1. An alias names one version of a model; setting an alias that exists moves it here.</source>
        <translation>要指向 %1 的别名。一个别名指向模型的一个版本；设置已存在的别名会把它移到这里。</translation>
    </message>
    <message>
        <source>Current aliases: %1</source>
        <translation>当前别名：%1</translation>
    </message>
    <message>
        <source>Set Alias</source>
        <translation>设置别名</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation>移除别名</translation>
    </message>
    <message>
        <source>Remove the alias '%1' from %2?</source>
        <translation>要从 %2 移除别名“%1”吗？</translation>
    </message>
    <message>
        <source>Alias to remove from %1:</source>
        <translation>要从 %1 移除的别名：</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Remove the tag '%1' from %2?</source>
        <translation>要从 %2 移除标签“%1”吗？</translation>
    </message>
    <message>
        <source>Tag to remove from %1:</source>
        <translation>要从 %1 移除的标签：</translation>
    </message>
    <message>
        <source>Delete version %1 of model '%2'?</source>
        <translation>要删除模型“%2”的版本 %1 吗？</translation>
    </message>
    <message>
        <source>Its aliases go with it: %1.</source>
        <translation>它的别名也会一并删除：%1。</translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <source>The artifact file is removed when no other version uses it. This cannot be undone.</source>
        <translation>如果没有其他版本使用该模型文件，它将被删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete model '%1' with all its versions (%2)?</source>
        <translation>要删除模型“%1”及其所有版本（%2 个）吗？</translation>
    </message>
    <message>
        <source>Its aliases and tags go with it, and artifact files no other model uses are removed. This cannot be undone.</source>
        <translation>它的别名和标签也会一并删除，没有其他模型使用的模型文件将被删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Imported %1 as %2:%3 (SHA-256 %4, %5).</source>
        <translation>已将 %1 导入为 %2:%3（SHA-256 %4，%5）。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a TorchScript file as a new model version</source>
        <translation>将 TorchScript 文件导入为新的模型版本</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the selected version's TorchScript file</source>
        <translation>保存所选版本的 TorchScript 文件</translation>
    </message>
    <message>
        <source>Set &amp;Alias…</source>
        <translation>设置别名(&amp;A)…</translation>
    </message>
    <message>
        <source>Point an alias such as 'production' at the selected version</source>
        <translation>让“production”等别名指向所选版本</translation>
    </message>
    <message>
        <source>Remove Alias…</source>
        <translation>移除别名…</translation>
    </message>
    <message>
        <source>Remove an alias from the selected version</source>
        <translation>从所选版本移除一个别名</translation>
    </message>
    <message>
        <source>Set &amp;Tag…</source>
        <translation>设置标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Set a key=value tag on the selected version</source>
        <translation>在所选版本上设置“键=值”标签</translation>
    </message>
    <message>
        <source>Remove Tag…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Remove a tag from the selected version</source>
        <translation>从所选版本移除一个标签</translation>
    </message>
    <message>
        <source>&amp;Delete Version…</source>
        <translation>删除版本(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected version</source>
        <translation>删除所选版本</translation>
    </message>
    <message>
        <source>Delete &amp;Model…</source>
        <translation>删除模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Delete the selected model with all its versions</source>
        <translation>删除所选模型及其所有版本</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the registry again (changes are also picked up every second)</source>
        <translation>重新读取注册表（变更也会每秒自动获取）</translation>
    </message>
    <message>
        <source>Model actions</source>
        <translation>模型操作</translation>
    </message>
    <message>
        <source>Filter by model, alias, tag or digest prefix</source>
        <translation>按模型、别名、标签或摘要前缀筛选</translation>
    </message>
    <message>
        <source>Copied SHA-256 %1 to the clipboard.</source>
        <translation>已将 SHA-256 %1 复制到剪贴板。</translation>
    </message>
    <message>
        <source>Tip: drop .pt files here to import them.</source>
        <translation>提示：将 .pt 文件拖放到这里即可导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message>
        <source>Import TorchScript Model</source>
        <translation>导入 TorchScript 模型</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript 模型 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import of %1 skipped.</source>
        <translation>已跳过 %1 的导入。</translation>
    </message>
    <message>
        <source>Another import is running; try %1 again when it has finished.</source>
        <translation>另一个导入正在进行；请在它完成后再试 %1。</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Remove an alias or a tag, delete a whole model</source>
        <translation>移除别名或标签，删除整个模型</translation>
    </message>
    <message>
        <source>Alias %1@%2 already points at version %3.</source>
        <translation>别名 %1@%2 已指向版本 %3。</translation>
    </message>
    <message>
        <source>The model could not be imported:
%1</source>
        <translation>无法导入该模型：
%1</translation>
    </message>
    <message>
        <source>ModelDesk imports TorchScript files: a model saved with torch.jit.save() after torch.jit.script() or torch.jit.trace(). Check that the file is one and is complete (not a state_dict or a pickled nn.Module), then import it again. The log panel keeps this message.</source>
        <translation>ModelDesk 导入的是 TorchScript 文件：即经 torch.jit.script() 或 torch.jit.trace() 处理后用 torch.jit.save() 保存的模型。请确认该文件是这种格式且完整（不是 state_dict 或经 pickle 序列化的 nn.Module），然后重新导入。日志面板会保留此消息。</translation>
    </message>
</context>
<context>
    <name>MonitoringCharts</name>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>请求/s</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>failed requests/s</source>
        <translation>失败请求/s</translation>
    </message>
    <message>
        <source>Queue time</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>requests per batch</source>
        <translation>每批请求数</translation>
    </message>
    <message>
        <source>Process CPU</source>
        <translation>进程 CPU</translation>
    </message>
    <message>
        <source>this process</source>
        <translation>本进程</translation>
    </message>
    <message>
        <source>% of one core</source>
        <translation>占单核的 %</translation>
    </message>
    <message>
        <source>Process memory</source>
        <translation>进程内存</translation>
    </message>
    <message>
        <source>resident (RSS)</source>
        <translation>常驻内存（RSS）</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Machine CPU</source>
        <translation>主机 CPU</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>所有核心</translation>
    </message>
    <message>
        <source>% of all cores</source>
        <translation>占所有核心的 %</translation>
    </message>
    <message>
        <source>Machine memory</source>
        <translation>主机内存</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>正在等待首批样本…</translation>
    </message>
    <message>
        <source>No history for this window yet: points are kept once a minute.</source>
        <translation>此时间窗口还没有历史数据：数据点每分钟保存一次。</translation>
    </message>
    <message>
        <source>This console keeps its history in memory only (another ModelDesk process records this workspace's metrics, or the metrics database could not be opened): choose 5 min or 1 h.</source>
        <translation>本控制台只在内存中保存历史数据（另一个 ModelDesk 进程正在记录此工作区的指标，或无法打开指标数据库）：请选择“5 分钟”或“1 小时”。</translation>
    </message>
    <message>
        <source>History of %1 could not be read: %2</source>
        <translation>无法读取 %1 的历史数据：%2</translation>
    </message>
    <message>
        <source>could not write the image %1</source>
        <translation>无法写入图像 %1</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Live, one point per second</source>
        <translation>实时，每秒一个数据点</translation>
    </message>
    <message>
        <source>From the saved history</source>
        <translation>来自已保存的历史数据</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the charts to look at them; data is still collected</source>
        <translation>冻结图表以便查看；数据仍会继续采集</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save the visible charts as an image</source>
        <translation>将可见的图表保存为图像</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the points of the visible charts as CSV</source>
        <translation>将可见图表的数据点保存为 CSV</translation>
    </message>
    <message>
        <source>Alert Rules…</source>
        <translation>告警规则…</translation>
    </message>
    <message>
        <source>List, add and remove alert rules</source>
        <translation>列出、添加和移除告警规则</translation>
    </message>
    <message>
        <source>No deployments yet. Deploy a model version on the Deployments page (or run &lt;code&gt;modeldesk-cli deploy MODEL:VERSION&lt;/code&gt;) and its latency, traffic and errors appear here. The machine and process charts below are already live.</source>
        <translation>还没有部署。在“部署”页面部署一个模型版本（或运行 &lt;code&gt;modeldesk-cli deploy MODEL:VERSION&lt;/code&gt;）后，其延迟、流量和错误就会显示在这里。下方的主机和进程图表已在实时更新。</translation>
    </message>
    <message>
        <source>Deployments and versions</source>
        <translation>部署和版本</translation>
    </message>
    <message>
        <source>Choose which deployment versions the charts show; canary versions are drawn side by side</source>
        <translation>选择图表显示哪些部署版本；金丝雀版本会并列绘制</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <source>None firing. Add rules with Alert Rules…</source>
        <translation>没有正在触发的告警。可通过“告警规则…”添加规则。</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>较早</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>canary %1%</source>
        <translation>金丝雀 %1%</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1（%2）</translation>
    </message>
    <message>
        <source>Longer windows read the saved history, which this console does not record: another ModelDesk process (e.g. modeldesk-cli serve) records this workspace's metrics, or the metrics database could not be opened. Use 5 min or 1 h, or modeldesk-cli metrics.</source>
        <translation>较长的时间窗口读取已保存的历史数据，而本控制台不记录历史数据：另一个 ModelDesk 进程（例如 modeldesk-cli serve）正在记录此工作区的指标，或无法打开指标数据库。请使用“5 分钟”或“1 小时”，或使用 modeldesk-cli metrics。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Export Charts as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Charts not exported: %1</source>
        <translation>未导出图表：%1</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The charts could not be saved.

%1</source>
        <translation>无法保存图表。

%1</translation>
    </message>
    <message>
        <source>Saved the charts to %1.</source>
        <translation>已将图表保存到 %1。</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Chart data not exported: %1</source>
        <translation>未导出图表数据：%1</translation>
    </message>
    <message>
        <source>The chart data could not be saved.

%1</source>
        <translation>无法保存图表数据。

%1</translation>
    </message>
    <message>
        <source>Saved the chart data to %1.</source>
        <translation>已将图表数据保存到 %1。</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>lower-case letters, digits, '.', '_' or '-'</source>
        <translation>小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>'%1' is not a valid %2: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit, and no '..'.</source>
        <translation>“%1”不是有效的%2：请使用 1-64 个字符（a-z、0-9、“.”、“_”或“-”），以字母或数字开头，且不含“..”。</translation>
    </message>
</context>
<context>
    <name>OverviewTiles</name>
    <message>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>warming up</source>
        <translation>预热中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>ModelDesk process</source>
        <translation>ModelDesk 进程</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>已用内存</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>可用内存</translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation>内存（RSS）</translation>
    </message>
    <message>
        <source>idle (loads on the next request)</source>
        <translation>空闲（收到下一个请求时加载）</translation>
    </message>
    <message>
        <source> + canary v%1 (%2%)</source>
        <translation> + 金丝雀 v%1（%2%）</translation>
    </message>
    <message>
        <source>Click to show this deployment in the charts</source>
        <translation>点击以在图表中显示此部署</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/s</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>延迟 p99</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
</context>
<context>
    <name>PermissionMatrixModel</name>
    <message>
        <source>Token '%1' may not use model '%2'.</source>
        <translation>令牌“%1”不能使用模型“%2”。</translation>
    </message>
    <message>
        <source>Token '%1' (%2) may %3 model '%4'.</source>
        <translation>令牌“%1”（%2）可以对模型“%4”执行：%3。</translation>
    </message>
    <message>
        <source>%1 — %2
Scope: %3</source>
        <translation>%1 — %2
范围：%3</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>过期时间：%1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>test samples exist for versions trained on an IDX image dataset; this one was %1</source>
        <translation>只有在 IDX 图像数据集上训练的版本才有测试样本；此版本是%1</translation>
    </message>
    <message>
        <source>trained on other data</source>
        <translation>在其他数据上训练的</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入的</translation>
    </message>
    <message>
        <source>the version does not name the dataset it was trained on</source>
        <translation>该版本未注明训练所用的数据集</translation>
    </message>
    <message>
        <source>the files of dataset '%1' changed since this version was trained (SHA-256 %2, trained on %3)</source>
        <translation>自该版本训练以来，数据集“%1”的文件已更改（SHA-256 %2，训练时为 %3）</translation>
    </message>
    <message>
        <source>dataset '%1' holds no images</source>
        <translation>数据集“%1”不包含图像</translation>
    </message>
    <message>
        <source>dataset '%1' has an empty test split</source>
        <translation>数据集“%1”的测试集为空</translation>
    </message>
    <message>
        <source>the signature lists no input</source>
        <translation>签名中未列出任何输入</translation>
    </message>
    <message>
        <source>the signature does not record the shape of input '%1'</source>
        <translation>签名中未记录输入“%1”的形状</translation>
    </message>
    <message>
        <source>input '%1' has more than %2 values: too large for the editor</source>
        <translation>输入“%1”的值超过 %2 个：太大，编辑器无法显示</translation>
    </message>
    <message>
        <source>the sample image has %1 pixels, expected %2x%3</source>
        <translation>样本图像有 %1 个像素，应为 %2x%3</translation>
    </message>
    <message>
        <source>the model takes %1 inputs; an image sample fills one</source>
        <translation>该模型需要 %1 个输入；一个图像样本只能填充其中一个</translation>
    </message>
    <message>
        <source>input '%1' takes %2, not image pixels</source>
        <translation>输入“%1”接受 %2，而不是图像像素</translation>
    </message>
    <message>
        <source>input '%1' has shape %2, which does not hold a %3x%4 image</source>
        <translation>输入“%1”的形状为 %2，无法容纳 %3x%4 的图像</translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列处不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>the request must be a JSON object with an "inputs" array</source>
        <translation>请求必须是包含 "inputs" 数组的 JSON 对象</translation>
    </message>
    <message>
        <source>
(+ %1 bytes of binary tensor data)</source>
        <translation>
（+ %1 字节的二进制张量数据）</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation>全部流量</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Requests answered by the runtime in one second, from every caller (HTTP, CLI, console)</source>
        <translation>运行时在一秒内响应的请求，来自所有调用方（HTTP、CLI、控制台）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>One request answered by this console's HTTP server</source>
        <translation>本控制台的 HTTP 服务器应答的一个请求</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Best validation accuracy over the recorded epochs</source>
        <translation>记录的各轮中的最佳验证准确率</translation>
    </message>
    <message>
        <source>Accuracy of the final model on the test split</source>
        <translation>最终模型在测试集上的准确率</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Best val. acc.</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>SecurityStateWidget</name>
    <message>
        <source>Security state</source>
        <translation>安全状态</translation>
    </message>
    <message>
        <source>Keychain:</source>
        <translation>钥匙串：</translation>
    </message>
    <message>
        <source>Encryption at rest:</source>
        <translation>静态加密：</translation>
    </message>
    <message>
        <source>HTTP server:</source>
        <translation>HTTP 服务器：</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Ask the keychain and the workspace again</source>
        <translation>重新查询钥匙串和工作区</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>checking… (at most %1 s)</source>
        <translation>正在检查…（最多 %1 s）</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>on — %1 of %2 artifacts encrypted (AES-256-GCM), key in the %3</source>
        <translation>已开启 — %2 个模型文件中有 %1 个已加密（AES-256-GCM），密钥位于%3中</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>passphrase-wrapped key file</source>
        <translation>以口令加密的密钥文件</translation>
    </message>
    <message>
        <source>; %1 still in plaintext: finish it from Settings</source>
        <translation>；仍有 %1 个为明文：请在“设置”中完成加密</translation>
    </message>
    <message>
        <source>off — %1 artifacts stored in plaintext; turn it on in Settings</source>
        <translation>已关闭 — %1 个模型文件以明文存储；可在“设置”中开启</translation>
    </message>
    <message>
        <source> (%1 still encrypted: finish turning it off from Settings)</source>
        <translation>（仍有 %1 个处于加密状态：请在“设置”中完成关闭）</translation>
    </message>
    <message>
        <source>available (the OS keychain holds the console's secrets)</source>
        <translation>可用（操作系统钥匙串保存着控制台的密钥）</translation>
    </message>
    <message>
        <source>no secure store — %1</source>
        <translation>无安全存储 — %1</translation>
    </message>
    <message>
        <source>Secrets are then never written in plaintext: encryption asks for a passphrase instead (see Settings).</source>
        <translation>因此密钥绝不会以明文写入：加密时会改为要求输入口令（参见“设置”）。</translation>
    </message>
    <message>
        <source>stopped — nothing listens</source>
        <translation>已停止 — 未在监听</translation>
    </message>
    <message>
        <source>%1 — this machine only (loopback)%2</source>
        <translation>%1 — 仅限本机（回环）%2</translation>
    </message>
    <message>
        <source>, TLS</source>
        <translation>，TLS</translation>
    </message>
    <message>
        <source>%1 — reachable from the network, with TLS</source>
        <translation>%1 — 可从网络访问，使用 TLS</translation>
    </message>
    <message>
        <source>%1 — reachable from the network WITHOUT TLS: tokens travel in clear text</source>
        <translation>%1 — 可从网络访问，但未使用 TLS：令牌以明文传输</translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>Address to listen on. 127.0.0.1 (loopback) keeps the server private to this machine.</source>
        <translation>要监听的地址。127.0.0.1（回环）使服务器仅限本机访问。</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>任意空闲</translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation>TCP 端口（0 = 任意空闲端口）</translation>
    </message>
    <message>
        <source>TLS…</source>
        <translation>TLS…</translation>
    </message>
    <message>
        <source>Serve HTTPS with a certificate and private key (PEM files)</source>
        <translation>使用证书和私钥（PEM 文件）提供 HTTPS 服务</translation>
    </message>
    <message>
        <source>Start with the console</source>
        <translation>随控制台启动</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start the HTTP server with this address and port (restarts it when running)</source>
        <translation>以此地址和端口启动 HTTP 服务器（如正在运行则重启）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the HTTP server; deployments stay loaded and the try-it panel still works</source>
        <translation>停止 HTTP 服务器；部署仍保持加载，“试一试”面板仍可使用</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>certificate chain (PEM)</source>
        <translation>证书链（PEM）</translation>
    </message>
    <message>
        <source>private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Stopped — deployments still answer the try-it panel</source>
        <translation>已停止 — 部署仍会响应“试一试”面板</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <source>Running at &lt;a href="%1/v2"&gt;%1&lt;/a&gt;</source>
        <translation>运行于 &lt;a href="%1/v2"&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>exposed beyond this machine</source>
        <translation>已对本机以外开放</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>重启(&amp;S)</translation>
    </message>
    <message>
        <source>no address given (use 127.0.0.1 to stay on this machine)</source>
        <translation>未指定地址（使用 127.0.0.1 可仅限本机访问）</translation>
    </message>
    <message>
        <source>HTTP server not started: %1</source>
        <translation>HTTP 服务器未启动：%1</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key file</source>
        <translation>TLS 需要同时提供证书文件和私钥文件</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Without TLS, requests, responses and API tokens cross the network in clear text.&lt;/b&gt; Add a certificate and key (TLS…) unless the network is trusted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;不使用 TLS 时，请求、响应和 API 令牌会以明文在网络上传输。&lt;/b&gt;除非网络可信，否则请添加证书和私钥（TLS…）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Traffic is encrypted with the given certificate.&lt;/p&gt;</source>
        <translation>&lt;p&gt;流量将使用指定的证书加密。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Expose the Model Server?</source>
        <translation>要对外开放模型服务器吗？</translation>
    </message>
    <message>
        <source>&lt;p&gt;Listening on &lt;b&gt;%1&lt;/b&gt; lets other machines that can reach this address call the server. Public deployments answer them without a token; management always needs one.&lt;/p&gt;%2&lt;p&gt;Listen on %1 anyway?&lt;/p&gt;</source>
        <translation>&lt;p&gt;监听 &lt;b&gt;%1&lt;/b&gt; 后，能访问此地址的其他计算机都可以调用服务器。公开部署无需令牌即可响应它们；管理操作始终需要令牌。&lt;/p&gt;%2&lt;p&gt;仍要监听 %1 吗？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Listen on %1</source>
        <translation>监听 %1</translation>
    </message>
    <message>
        <source>could not listen on %1 — %2</source>
        <translation>无法监听 %1 — %2</translation>
    </message>
    <message>
        <source>HTTP server not moved: %1; it still runs at %2.</source>
        <translation>HTTP 服务器地址未更改：%1；它仍运行于 %2。</translation>
    </message>
    <message>
        <source>HTTP server running at %1.</source>
        <translation>HTTP 服务器运行于 %1。</translation>
    </message>
    <message>
        <source>HTTP server stopped; deployments stay loaded.</source>
        <translation>HTTP 服务器已停止；部署仍保持加载。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Could not open %1 in a file manager.</source>
        <translation>无法在文件管理器中打开 %1。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>A new language applies the next time ModelDesk starts.</source>
        <translation>新的语言将在下次启动 ModelDesk 时生效。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch：</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>no libblas.so.3 loaded</source>
        <translation>未加载 libblas.so.3</translation>
    </message>
    <message>
        <source>This is the slow reference BLAS: install libopenblas0-pthread for 5-20x faster training and inference.</source>
        <translation>这是缓慢的参考 BLAS：请安装 libopenblas0-pthread，训练和推理可快 5-20 倍。</translation>
    </message>
    <message>
        <source>BLAS:</source>
        <translation>BLAS：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>ModelDesk:</source>
        <translation>ModelDesk：</translation>
    </message>
    <message>
        <source>Saved. Restart ModelDesk to use %1.</source>
        <translation>已保存。重启 ModelDesk 后将使用%1。</translation>
    </message>
    <message>
        <source>Interface language set to %1; it applies at the next start.</source>
        <translation>界面语言已设为%1，将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Open Another...</source>
        <translation>打开其他工作区...</translation>
    </message>
    <message>
        <source>Open another workspace folder in a new window, or use it from the next start.</source>
        <translation>在新窗口中打开另一个工作区文件夹，或从下次启动起使用它。</translation>
    </message>
    <message>
        <source>The registry, the model files and the training runs of this console live here. A console works on one workspace at a time: another one opens in a new window, or from the next start (also: --workspace DIR).</source>
        <translation>本控制台的注册表、模型文件和训练记录都保存在这里。一个控制台一次只处理一个工作区：其他工作区可在新窗口中打开，或从下次启动起使用（也可用 --workspace DIR）。</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>%1 is the workspace already open.</source>
        <translation>%1 就是当前已打开的工作区。</translation>
    </message>
    <message>
        <source>Open %1 in a new window now, or use it instead of this one from the next start?</source>
        <translation>要立即在新窗口中打开 %1，还是从下次启动起用它代替当前工作区？</translation>
    </message>
    <message>
        <source>New Window</source>
        <translation>新窗口</translation>
    </message>
    <message>
        <source>At Next Start</source>
        <translation>下次启动时</translation>
    </message>
    <message>
        <source>Could not start another ModelDesk window for %1.</source>
        <translation>无法为 %1 启动另一个 ModelDesk 窗口。</translation>
    </message>
    <message>
        <source>Opening the workspace %1 in a new window.</source>
        <translation>正在新窗口中打开工作区 %1。</translation>
    </message>
    <message>
        <source>The workspace %1 opens at the next start (restart ModelDesk to switch).</source>
        <translation>工作区 %1 将在下次启动时打开（重启 ModelDesk 即可切换）。</translation>
    </message>
    <message>
        <source>HTTP Server</source>
        <translation>HTTP 服务器</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation>无：明文 HTTP</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Start the server when ModelDesk starts</source>
        <translation>ModelDesk 启动时启动服务器</translation>
    </message>
    <message>
        <source>Save and Restart Server</source>
        <translation>保存并重启服务器</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>TLS 证书：</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>TLS 私钥：</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>The server will be reachable from other machines at %1 (over TLS). Give API tokens only to those who need them.</source>
        <translation>其他机器将可以通过 %1 访问服务器（使用 TLS）。请只将 API 令牌提供给需要的人。</translation>
    </message>
    <message>
        <source>Warning: %1 is reachable from other machines and there is no TLS: tokens and model data cross the network in plain text. Set a certificate and a key, or use 127.0.0.1.</source>
        <translation>警告：其他机器可以访问 %1，且未使用 TLS：令牌和模型数据会以明文在网络上传输。请设置证书和私钥，或使用 127.0.0.1。</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key.</source>
        <translation>TLS 需要同时提供证书和私钥。</translation>
    </message>
    <message>
        <source>Changes apply when the server restarts (the button does it now; deployments stay loaded).</source>
        <translation>更改将在服务器重启时生效（点击按钮即可立即重启；部署保持加载）。</translation>
    </message>
    <message>
        <source>Changes apply at the next start.</source>
        <translation>更改将在下次启动时生效。</translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key; nothing was saved.</source>
        <translation>TLS 需要同时提供证书和私钥；未保存任何内容。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read; nothing was saved.</source>
        <translation>无法读取文件 %1；未保存任何内容。</translation>
    </message>
    <message>
        <source>Serve Without TLS?</source>
        <translation>不使用 TLS 提供服务？</translation>
    </message>
    <message>
        <source>%1 makes the server reachable from other machines, and without TLS everything, API tokens included, crosses the network in plain text.

Serve on %1 without TLS anyway?</source>
        <translation>%1 会让其他机器能够访问服务器，而不使用 TLS 时，包括 API 令牌在内的所有内容都会以明文在网络上传输。

仍要在 %1 上不使用 TLS 提供服务吗？</translation>
    </message>
    <message>
        <source>Server settings saved; they apply at the next start.</source>
        <translation>服务器设置已保存，将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Server settings saved; the server is off (start it from the Deployments page).</source>
        <translation>服务器设置已保存；服务器未运行（可在“部署”页面启动）。</translation>
    </message>
    <message>
        <source>Server settings saved, but the server did not start: %1</source>
        <translation>服务器设置已保存，但服务器未能启动：%1</translation>
    </message>
    <message>
        <source>The server now listens on %1.</source>
        <translation>服务器现在监听 %1。</translation>
    </message>
    <message>
        <source>New Deployments</source>
        <translation>新部署</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> µs</translation>
    </message>
    <message>
        <source>Max batch size:</source>
        <translation>最大批大小：</translation>
    </message>
    <message>
        <source>Max queue delay:</source>
        <translation>最大排队延迟：</translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation>工作线程数：</translation>
    </message>
    <message>
        <source>Intra-op threads:</source>
        <translation>算子内线程数：</translation>
    </message>
    <message>
        <source>Used when a deployment is created; each deployment can be tuned live on the Deployments page. Workers x intra-op threads above %1 (the cores of this machine) slows everything down.</source>
        <translation>创建部署时使用；每个部署都可在“部署”页面在线调整。工作线程数 × 算子内线程数超过 %1（本机的核心数）会拖慢所有运算。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Closing the window keeps ModelDesk serving in the system tray</source>
        <translation>关闭窗口后 ModelDesk 在系统托盘中继续提供服务</translation>
    </message>
    <message>
        <source>Closing the window now keeps ModelDesk running in the tray; quit from the tray menu.</source>
        <translation>现在关闭窗口后 ModelDesk 会在托盘中继续运行；请从托盘菜单退出。</translation>
    </message>
    <message>
        <source>Closing the window now quits ModelDesk.</source>
        <translation>现在关闭窗口将退出 ModelDesk。</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Data Retention</source>
        <translation>数据保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Minute-by-minute metrics:</source>
        <translation>分钟级指标：</translation>
    </message>
    <message>
        <source>Hourly metrics:</source>
        <translation>小时级指标：</translation>
    </message>
    <message>
        <source>How long the monitoring history is kept in metrics.sqlite. Applies at the next start; older points are then removed within the hour.</source>
        <translation>监控历史数据在 metrics.sqlite 中保留的时长。下次启动时生效；届时更早的数据点会在一小时内删除。</translation>
    </message>
</context>
<context>
    <name>StartupWindow</name>
    <message>
        <source>ModelDesk - opening</source>
        <translation>ModelDesk - 正在打开</translation>
    </message>
    <message>
        <source>&lt;b&gt;ModelDesk&lt;/b&gt;</source>
        <translation>&lt;b&gt;ModelDesk&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Opening the workspace %1 ...</source>
        <translation>正在打开工作区 %1 ...</translation>
    </message>
    <message>
        <source>Opening the workspace %1 and connecting to the registry at %2 ...</source>
        <translation>正在打开工作区 %1 并连接到位于 %2 的注册表 ...</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>TagCommand</name>
    <message>
        <source>Remove Tag '%1' from %2</source>
        <translation>从 %2 移除标签“%1”</translation>
    </message>
    <message>
        <source>Set Tag %1=%2 on %3</source>
        <translation>在 %3 上设置标签 %1=%2</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Set Tag on %1</source>
        <translation>在 %1 上设置标签</translation>
    </message>
    <message>
        <source>e.g. stage</source>
        <translation>例如 stage</translation>
    </message>
    <message>
        <source>e.g. validated</source>
        <translation>例如 validated</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>键(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>Enter a tag key.</source>
        <translation>请输入标签键。</translation>
    </message>
    <message>
        <source>'%1' is not a valid tag key: use 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit.</source>
        <translation>“%1”不是有效的标签键：请使用 1-64 个字符（a-z、0-9、“.”、“_”或“-”），以字母或数字开头。</translation>
    </message>
    <message>
        <source>The value is longer than 256 characters.</source>
        <translation>值的长度超过 256 个字符。</translation>
    </message>
    <message>
        <source>The value contains a control character.</source>
        <translation>值包含控制字符。</translation>
    </message>
</context>
<context>
    <name>TimeSeriesChart</name>
    <message>
        <source>could not write the image %1</source>
        <translation>无法写入图像 %1</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>TokenCreateDialog</name>
    <message>
        <source>New API Token</source>
        <translation>新建 API 令牌</translation>
    </message>
    <message>
        <source>A token lets a program call the HTTP API. Its secret is shown once, after it is created; the registry keeps only a hash of it.</source>
        <translation>令牌允许程序调用 HTTP API。其密钥仅在创建后显示一次；注册表只保存它的哈希值。</translation>
    </message>
    <message>
        <source>e.g. fraud-app or ci-deployer</source>
        <translation>例如 fraud-app 或 ci-deployer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>&amp;All models (also ones added later)</source>
        <translation>所有模型（包括以后添加的）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Only the models ticked below</source>
        <translation>仅下方勾选的模型(&amp;O)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Any permission includes read (a client reads a model's description before calling it). Infer calls the model; deploy changes its deployments; modify changes versions, aliases and tags.</source>
        <translation>任何权限都包含读取（客户端在调用模型前会先读取其描述）。推理：调用模型；部署：更改其部署；修改：更改版本、别名和标签。</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation>永不(&amp;N)</translation>
    </message>
    <message>
        <source>At the end of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Create Token</source>
        <translation>创建令牌</translation>
    </message>
    <message>
        <source>The %1 role does not allow this.</source>
        <translation>%1角色不允许此操作。</translation>
    </message>
    <message>
        <source>Give the token a name, e.g. the program that will use it.</source>
        <translation>请为令牌命名，例如使用它的程序名称。</translation>
    </message>
    <message>
        <source>Use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit.</source>
        <translation>请使用 1-64 个字符（a-z、0-9、“.”、“_”、“-”），以字母或数字开头。</translation>
    </message>
    <message>
        <source>A token named '%1' exists already (revoked tokens keep their name).</source>
        <translation>名为“%1”的令牌已存在（已吊销的令牌仍保留其名称）。</translation>
    </message>
    <message>
        <source>Tick at least one permission.</source>
        <translation>请至少勾选一项权限。</translation>
    </message>
    <message>
        <source>There are no models yet: choose all models, which includes later ones.</source>
        <translation>还没有模型：请选择“所有模型”，它也包括以后添加的模型。</translation>
    </message>
    <message>
        <source>Tick at least one permission on one model.</source>
        <translation>请至少为一个模型勾选一项权限。</translation>
    </message>
    <message>
        <source>The expiry date is in the past.</source>
        <translation>过期日期已经过去。</translation>
    </message>
</context>
<context>
    <name>TokenSecretDialog</name>
    <message>
        <source>Token '%1' Created</source>
        <translation>已创建令牌“%1”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this secret now. You will not see it again.&lt;/b&gt;&lt;br&gt;ModelDesk keeps only a hash of it. If it is lost, revoke the token and create a new one.</source>
        <translation>&lt;b&gt;请立即复制此密钥。它不会再次显示。&lt;/b&gt;&lt;br&gt;ModelDesk 只保存它的哈希值。如果密钥丢失，请吊销该令牌并创建一个新令牌。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard</source>
        <translation>将密钥复制到剪贴板</translation>
    </message>
    <message>
        <source>Clients send it as the header &lt;tt&gt;Authorization: Bearer &amp;lt;secret&amp;gt;&lt;/tt&gt;.</source>
        <translation>客户端通过请求头 &lt;tt&gt;Authorization: Bearer &amp;lt;secret&amp;gt;&lt;/tt&gt; 发送它。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>TokenTableModel</name>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>从未使用</translation>
    </message>
    <message>
        <source>No scope: every model, also ones added later.</source>
        <translation>无范围限制：所有模型，包括以后添加的模型。</translation>
    </message>
    <message>
        <source>Scope entries: %1</source>
        <translation>范围条目：%1</translation>
    </message>
    <message>
        <source>Expired at %1; the server refuses it.</source>
        <translation>已于 %1 过期；服务器拒绝此令牌。</translation>
    </message>
    <message>
        <source>Revoked at %1; the server refuses it.</source>
        <translation>已于 %1 吊销；服务器拒绝此令牌。</translation>
    </message>
    <message>
        <source>The server accepts this token.</source>
        <translation>服务器接受此令牌。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TrainingChartsWidget</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>per step</source>
        <translation>每步</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Start a run, or open one from the runs table, to see its loss and accuracy curves.</source>
        <translation>开始一个运行，或从运行列表中打开一个运行，即可查看其损失和准确率曲线。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>TrainingFormWidget</name>
    <message>
        <source>Choose the data: a CSV file, an IDX folder or a fortunes folder.</source>
        <translation>请选择数据：CSV 文件、IDX 文件夹或 fortunes 文件夹。</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1：文件或文件夹不存在。</translation>
    </message>
    <message>
        <source>Write whole numbers separated by commas, e.g. 128 or 256,128.</source>
        <translation>请输入以逗号分隔的整数，例如 128 或 256,128。</translation>
    </message>
    <message>
        <source>Give two channel counts, e.g. 32,64.</source>
        <translation>请给出两个通道数，例如 32,64。</translation>
    </message>
    <message>
        <source>'%1' is not a number (e.g. 0.001 or 1e-3).</source>
        <translation>“%1”不是数字（例如 0.001 或 1e-3）。</translation>
    </message>
    <message>
        <source>'%1' is not a number (e.g. 0 or 1e-4).</source>
        <translation>“%1”不是数字（例如 0 或 1e-4）。</translation>
    </message>
    <message>
        <source>Name the model to register the result under (or untick "Register").</source>
        <translation>请输入用于注册结果的模型名称（或取消勾选“注册”）。</translation>
    </message>
    <message>
        <source>A training run is in progress; one run at a time.</source>
        <translation>正在进行一个训练运行；一次只能进行一个运行。</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标为红色的字段。</translation>
    </message>
    <message>
        <source>Train on a worker thread; the console stays usable.</source>
        <translation>在工作线程上训练；控制台仍可正常使用。</translation>
    </message>
    <message>
        <source>shown once the data is chosen</source>
        <translation>选择数据后显示</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>The data cannot be used (see above).</source>
        <translation>无法使用该数据（见上文）。</translation>
    </message>
    <message>
        <source>shown once the data can be read</source>
        <translation>可读取数据后显示</translation>
    </message>
    <message>
        <source>%1×%2 images</source>
        <translation>%1×%2 图像</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s), label column '%1'</source>
        <translation>
            <numerusform>%n 个特征，标签列“%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>texts, label column '%1'</source>
        <translation>文本，标签列“%1”</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; rows, %2; &lt;b&gt;%n&lt;/b&gt; classes (%3).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; 行，%2；&lt;b&gt;%n&lt;/b&gt; 个类别（%3）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Split: %1 train / %2 validation / %3 test.</source>
        <translation>划分：训练 %1 / 验证 %2 / 测试 %3。</translation>
    </message>
    <message>
        <source>Header row detected: the first line names the columns.</source>
        <translation>检测到标题行：第一行为列名。</translation>
    </message>
    <message>
        <source>No header row: the first line is data; columns are numbered.</source>
        <translation>无标题行：第一行是数据；各列按编号命名。</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; trainable parameters</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 个可训练参数</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1（标签）</translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Detect from the path</source>
        <translation>根据路径检测</translation>
    </message>
    <message>
        <source>CSV table (numbers + label)</source>
        <translation>CSV 表格（数值 + 标签）</translation>
    </message>
    <message>
        <source>Text CSV (text + label)</source>
        <translation>文本 CSV（文本 + 标签）</translation>
    </message>
    <message>
        <source>IDX images (e.g. Fashion-MNIST)</source>
        <translation>IDX 图像（例如 Fashion-MNIST）</translation>
    </message>
    <message>
        <source>Fortunes topics (text)</source>
        <translation>Fortunes 主题（文本）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>A CSV file, an IDX folder or a fortunes folder</source>
        <translation>CSV 文件、IDX 文件夹或 fortunes 文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a &amp;File (CSV)…</source>
        <translation>选择文件（CSV）(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose a F&amp;older (IDX, fortunes)…</source>
        <translation>选择文件夹（IDX、fortunes）(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <source>automatic (label, class, target, y, else the last)</source>
        <translation>自动（label、class、target、y，否则为最后一列）</translation>
    </message>
    <message>
        <source>&amp;Label column:</source>
        <translation>标签列(&amp;L)：</translation>
    </message>
    <message>
        <source>automatic (text, else the other column)</source>
        <translation>自动（text，否则为另一列）</translation>
    </message>
    <message>
        <source>&amp;Text column:</source>
        <translation>文本列(&amp;T)：</translation>
    </message>
    <message>
        <source>Topic files of the fortunes folder to use, comma-separated; empty: the default nine.</source>
        <translation>要使用的 fortunes 文件夹中的主题文件，以逗号分隔；留空则使用默认的九个主题。</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>from the path</source>
        <translation>取自路径</translation>
    </message>
    <message>
        <source>The name the data is registered under (lineage of the trained versions).</source>
        <translation>数据注册时使用的名称（用于训练所得版本的来源信息）。</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>数据集名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Ignored when the data has its own test files (IDX t10k-*).</source>
        <translation>当数据自带测试文件（IDX t10k-*）时忽略。</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>MLP (numbers, images)</source>
        <translation>MLP（数值、图像）</translation>
    </message>
    <message>
        <source>Text classifier (embedding bag)</source>
        <translation>文本分类器（EmbeddingBag）</translation>
    </message>
    <message>
        <source>Small CNN (28×28 images)</source>
        <translation>小型 CNN（28×28 图像）</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>网络(&amp;W)：</translation>
    </message>
    <message>
        <source>Sizes of the hidden layers, comma-separated (e.g. 256,128). Text classifier: one size, 0 = none.</source>
        <translation>各隐藏层的大小，以逗号分隔（例如 256,128）。文本分类器：一个大小，0 = 无。</translation>
    </message>
    <message>
        <source>&amp;Hidden sizes:</source>
        <translation>隐藏层大小(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Activation:</source>
        <translation>激活函数(&amp;A)：</translation>
    </message>
    <message>
        <source>Dr&amp;opout:</source>
        <translation>Dropout(&amp;O)：</translation>
    </message>
    <message>
        <source>Embedding si&amp;ze:</source>
        <translation>嵌入维度(&amp;Z)：</translation>
    </message>
    <message>
        <source>Channels of the two convolution blocks, e.g. 32,64.</source>
        <translation>两个卷积块的通道数，例如 32,64。</translation>
    </message>
    <message>
        <source>&amp;Channels:</source>
        <translation>通道数(&amp;C)：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Optimization</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Optimize&amp;r:</source>
        <translation>优化器(&amp;R)：</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <source>Learning rate, e.g. 0.001 or 1e-3.</source>
        <translation>学习率，例如 0.001 或 1e-3。</translation>
    </message>
    <message>
        <source>Learn&amp;ing rate:</source>
        <translation>学习率(&amp;I)：</translation>
    </message>
    <message>
        <source>Weight &amp;decay:</source>
        <translation>权重衰减(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> epoch(s)</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Sched&amp;ule:</source>
        <translation>学习率调度(&amp;U)：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Clip the gradients' global L2 norm to this value; 0 = off.</source>
        <translation>将梯度的全局 L2 范数裁剪到此值；0 = 关闭。</translation>
    </message>
    <message>
        <source>&amp;Gradient clipping:</source>
        <translation>梯度裁剪(&amp;G)：</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Earl&amp;y stopping:</source>
        <translation>提前停止(&amp;Y)：</translation>
    </message>
    <message>
        <source>Same seed, data and threads give the same model.</source>
        <translation>相同的种子、数据和线程数会得到相同的模型。</translation>
    </message>
    <message>
        <source>Intra-op threads used by the training (ATen and OpenBLAS).</source>
        <translation>训练使用的算子内线程数（ATen 和 OpenBLAS）。</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Register as a new model &amp;version when done</source>
        <translation>完成后注册为新的模型版本(&amp;V)</translation>
    </message>
    <message>
        <source>model name, e.g. fashion-mlp</source>
        <translation>模型名称，例如 fashion-mlp</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>optional; default: architecture, data, run and accuracy</source>
        <translation>可选；默认：网络结构、数据、运行和准确率</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Choose a CSV File</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a Data Folder</source>
        <translation>选择数据文件夹</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show the selected run's loss and accuracy curves</source>
        <translation>显示所选运行的损失和准确率曲线</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Continue the selected cancelled, failed or interrupted run from its last checkpoint</source>
        <translation>从最后一个检查点继续所选的已取消、失败或已中断的运行</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Overlay the curves and list the configs of the selected runs (select two or more)</source>
        <translation>叠加显示所选运行的曲线并列出其配置（请选择两个或更多）</translation>
    </message>
    <message>
        <source>&amp;Evaluation</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Confusion matrix and per-class metrics of the selected finished run</source>
        <translation>所选已完成运行的混淆矩阵和各类别指标</translation>
    </message>
    <message>
        <source>Register as &amp;Version…</source>
        <translation>注册为版本(&amp;V)…</translation>
    </message>
    <message>
        <source>Register the selected finished run's model as a new version</source>
        <translation>将所选已完成运行的模型注册为新版本</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the runs again from the registry</source>
        <translation>重新从注册表读取运行</translation>
    </message>
    <message>
        <source>No run in progress.</source>
        <translation>没有正在进行的运行。</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Stop after the current batch; the run keeps its last checkpoint and can be resumed.</source>
        <translation>在当前批次结束后停止；该运行会保留最后一个检查点，之后可以恢复。</translation>
    </message>
    <message>
        <source>Run actions</source>
        <translation>运行操作</translation>
    </message>
    <message>
        <source>No training runs yet. Choose data and an architecture on the left, then Start Training; runs started with 'modeldesk-cli train' appear here too.</source>
        <translation>还没有训练运行。请在左侧选择数据和网络结构，然后点击“开始训练”；通过“modeldesk-cli train”启动的运行也会显示在这里。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;运行&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New run: %1 on %2</source>
        <translation>新运行：%2 上的 %1</translation>
    </message>
    <message numerus="yes">
        <source>Training started: %1 on %2, %n epoch(s).</source>
        <translation>
            <numerusform>训练已开始：在 %2 上训练 %1，共 %n 轮。</numerusform>
        </translation>
    </message>
    <message>
        <source>A training run is in progress; resume %1 when it ends.</source>
        <translation>正在进行一个训练运行；请在它结束后再恢复 %1。</translation>
    </message>
    <message>
        <source>Resuming run %1 from its last checkpoint.</source>
        <translation>正在从最后一个检查点恢复运行 %1。</translation>
    </message>
    <message>
        <source>A training run is in progress; wait for it to end or cancel it.</source>
        <translation>正在进行一个训练运行；请等待它结束或将其取消。</translation>
    </message>
    <message>
        <source>Run %1 (live)</source>
        <translation>运行 %1（实时）</translation>
    </message>
    <message>
        <source>epoch %1/%2 · %3 samples/s · ETA %4</source>
        <translation>轮次 %1/%2 · %3 个样本/s · 预计剩余 %4</translation>
    </message>
    <message>
        <source>Reading data</source>
        <translation>正在读取数据</translation>
    </message>
    <message>
        <source>Cancelling after the current batch</source>
        <translation>将在当前批次结束后取消</translation>
    </message>
    <message numerus="yes">
        <source>%1 accuracy %2 after %n epoch(s)</source>
        <translation>
            <numerusform>%n 轮后%1准确率 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source> (stopped early, best epoch %1)</source>
        <translation>（提前停止，最佳轮次 %1）</translation>
    </message>
    <message>
        <source>, registered as %1:%2</source>
        <translation>，已注册为 %1:%2</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 samples/s over %2</source>
        <translation>%1 个样本/s，用时 %2</translation>
    </message>
    <message numerus="yes">
        <source>cancelled after %n epoch(s); resume it to continue</source>
        <translation>
            <numerusform>%n 轮后已取消；恢复即可继续</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The run could not be resumed: %1</source>
        <translation>无法恢复该运行：%1</translation>
    </message>
    <message>
        <source>Training could not start: %1</source>
        <translation>无法开始训练：%1</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the training runs: %1</source>
        <translation>无法读取训练运行：%1</translation>
    </message>
    <message>
        <source>Run %1: loading…</source>
        <translation>运行 %1：正在加载…</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>无法读取运行 %1：%2</translation>
    </message>
    <message>
        <source>Run %1%2: %3 on %4, %5</source>
        <translation>运行 %1%2：%4 上的 %3，%5</translation>
    </message>
    <message>
        <source> (live)</source>
        <translation>（实时）</translation>
    </message>
    <message>
        <source>Select two or more runs to compare.</source>
        <translation>请选择两个或更多运行进行比较。</translation>
    </message>
    <message>
        <source>Cannot compare the runs: %1</source>
        <translation>无法比较这些运行：%1</translation>
    </message>
    <message>
        <source>No evaluation for run %1: %2</source>
        <translation>运行 %1 没有评估结果：%2</translation>
    </message>
    <message>
        <source>Cannot register run %1: %2</source>
        <translation>无法注册运行 %1：%2</translation>
    </message>
    <message>
        <source>Registered run %1 as %2:%3.</source>
        <translation>已将运行 %1 注册为 %2:%3。</translation>
    </message>
    <message>
        <source>Resume Run</source>
        <translation>恢复运行</translation>
    </message>
    <message>
        <source>Run %1 has %2 of %3 epochs. Continue from its last checkpoint up to a total of:</source>
        <translation>运行 %1 已完成 %3 轮中的 %2 轮。从其最后一个检查点继续，直到总轮数达到：</translation>
    </message>
    <message>
        <source>Register as Version</source>
        <translation>注册为版本</translation>
    </message>
    <message>
        <source>Register the model trained by run %1 as the next version of:</source>
        <translation>将运行 %1 训练出的模型注册为以下模型的下一个版本：</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Cannot cancel run %1: %2</source>
        <translation>无法取消运行 %1：%2</translation>
    </message>
    <message>
        <source>Asked the process training run %1 to stop.</source>
        <translation>已请求训练运行 %1 的进程停止。</translation>
    </message>
    <message>
        <source>epoch %1/%2 · trained by another process</source>
        <translation>第 %1/%2 轮 · 由另一个进程训练</translation>
    </message>
    <message>
        <source>Training (another process)</source>
        <translation>训练中（另一个进程）</translation>
    </message>
    <message>
        <source>epoch %1/%2 · step %3/%4 · trained by another process</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 步 · 由另一个进程训练</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show ModelDesk</source>
        <translation>显示 ModelDesk</translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Quit ModelDesk</source>
        <translation>退出 ModelDesk</translation>
    </message>
    <message>
        <source>ModelDesk — serving on %1</source>
        <translation>ModelDesk — 服务于 %1</translation>
    </message>
    <message>
        <source>ModelDesk — HTTP server stopped</source>
        <translation>ModelDesk — HTTP 服务器已停止</translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation>停止服务器</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>Routed: as clients are routed (canary split). A version: pinned, as /v2/models/&lt;name&gt;/versions/&lt;v&gt;/infer.</source>
        <translation>路由：与客户端的路由方式相同（按金丝雀比例分配）。指定版本：固定到该版本，等同于 /v2/models/&lt;name&gt;/versions/&lt;v&gt;/infer。</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Write a request of the right shape from the version's signature</source>
        <translation>根据该版本的签名生成形状正确的请求</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Random values</source>
        <translation>随机值</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Copied a curl command for this request to the clipboard.</source>
        <translation>已将此请求的 curl 命令复制到剪贴板。</translation>
    </message>
    <message>
        <source>Test Sample</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the request inside the console (Ctrl+Enter); works with the HTTP server stopped</source>
        <translation>在控制台内发送请求（Ctrl+Enter）；HTTP 服务器停止时也可使用</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>A KServe v2 inference request (JSON). Select a deployment, then Example or Test Sample.</source>
        <translation>KServe v2 推理请求（JSON）。请选择一个部署，然后点击“示例”或“测试样本”。</translation>
    </message>
    <message>
        <source>The response appears here.</source>
        <translation>响应会显示在这里。</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Select a deployment to try it.</source>
        <translation>选择一个部署来试用。</translation>
    </message>
    <message>
        <source>Endpoint %1 (%2), %3</source>
        <translation>端点 %1（%2），%3</translation>
    </message>
    <message>
        <source> — over HTTP: POST %1/v2/models/%2/infer</source>
        <translation> — 通过 HTTP：POST %1/v2/models/%2/infer</translation>
    </message>
    <message>
        <source>The HTTP server is stopped</source>
        <translation>HTTP 服务器已停止</translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request over HTTP</source>
        <translation>复制通过 HTTP 发送此请求的 curl 命令</translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request over HTTP (this deployment is private: set MODELDESK_TOKEN to an API token from the Access page)</source>
        <translation>复制通过 HTTP 发送此请求的 curl 命令（此部署为私有：请将 MODELDESK_TOKEN 设为“访问控制”页面中的 API 令牌）</translation>
    </message>
    <message>
        <source>Fill the request with a random image of the test split this version was evaluated on</source>
        <translation>用评估此版本所用测试集中的一张随机图像填充请求</translation>
    </message>
    <message>
        <source>Select a deployment first</source>
        <translation>请先选择一个部署</translation>
    </message>
    <message>
        <source>Example request for v%1 from its signature. Edit it, then Send.</source>
        <translation>根据 v%1 的签名生成的示例请求。编辑后点击“发送”。</translation>
    </message>
    <message>
        <source>Filled "data" for the shapes written in the request: the signature of v%1 does not record them (edit "shape" and press Example again to change them).</source>
        <translation>已按请求中写明的形状填充 "data"：v%1 的签名未记录形状（如需更改，请编辑 "shape" 后再次点击“示例”）。</translation>
    </message>
    <message>
        <source>No example from the signature: %1. Set "shape" to what the model takes and press Example again to fill "data"; the request is kept for this endpoint.</source>
        <translation>无法根据签名生成示例：%1。请将 "shape" 设为模型接受的形状，然后再次点击“示例”以填充 "data"；此端点的请求会保留。</translation>
    </message>
    <message>
        <source>Reading a test sample of dataset '%1'…</source>
        <translation>正在读取数据集“%1”的测试样本…</translation>
    </message>
    <message>
        <source>No test sample: %1</source>
        <translation>无测试样本：%1</translation>
    </message>
    <message>
        <source>test row %1
true: %2</source>
        <translation>测试行 %1
真实标签：%2</translation>
    </message>
    <message>
        <source>A random image of the test split (%1 rows) of '%2'. Send it.</source>
        <translation>来自“%2”测试集（共 %1 行）的一张随机图像。请发送。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Sent to %1, waiting for the answer…</source>
        <translation>已发送到 %1，正在等待响应…</translation>
    </message>
    <message>
        <source>Error (%1) after %2 ms: %3</source>
        <translation>%2 ms 后出错（%1）：%3</translation>
    </message>
    <message>
        <source> — retry after %1 s</source>
        <translation> — %1 s 后重试</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>(the response could not be written: %1)</source>
        <translation>（无法显示响应：%1）</translation>
    </message>
    <message>
        <source>v%1 answered in %2 ms (queue %3 ms, compute %4 ms, batch of %5)</source>
        <translation>v%1 在 %2 ms 内响应（排队 %3 ms，计算 %4 ms，批大小 %5）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1 (class %2)</source>
        <translation>%1（类别 %2）</translation>
    </message>
    <message>
        <source>Predicted: %1 — score %2, softmax %3%</source>
        <translation>预测：%1 — 得分 %2，softmax %3%</translation>
    </message>
    <message>
        <source> — true label %1 ✓</source>
        <translation> — 真实标签 %1 ✓</translation>
    </message>
    <message>
        <source> — true label %1 ✗</source>
        <translation> — 真实标签 %1 ✗</translation>
    </message>
    <message>
        <source>%1, predicted %2</source>
        <translation>%1，预测 %2</translation>
    </message>
</context>
<context>
    <name>TuningPanel</name>
    <message>
        <source>Apply Live</source>
        <translation>在线应用</translation>
    </message>
    <message>
        <source>Applied without dropping a request: batching at once; worker or thread changes start new workers on the loaded model and drain the old ones</source>
        <translation>应用时不会丢弃任何请求：批处理设置立即生效；更改工作线程或线程数会在已加载的模型上启动新的工作线程，并排空旧的工作线程</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Batching, workers and access</source>
        <translation>批处理、工作线程和访问权限</translation>
    </message>
    <message>
        <source>The version that gets the canary share of routed traffic</source>
        <translation>接收金丝雀比例路由流量的版本</translation>
    </message>
    <message>
        <source>Share of routed traffic sent to the canary version, applied when you release the slider (0 removes the canary)</source>
        <translation>发送到金丝雀版本的路由流量比例，松开滑块时应用（0 表示移除金丝雀）</translation>
    </message>
    <message>
        <source>no canary</source>
        <translation>无金丝雀</translation>
    </message>
    <message>
        <source>%1% canary, %2% primary</source>
        <translation>金丝雀 %1%，主版本 %2%</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>金丝雀发布</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>0%</source>
        <translation>0%</translation>
    </message>
    <message>
        <source>50%</source>
        <translation>50%</translation>
    </message>
    <message>
        <source>Both versions are loaded and warmed before traffic moves; compare them on the Monitoring page (per-version latency and errors).</source>
        <translation>流量转移前两个版本都会先加载并预热；可在“监控”页面比较它们（按版本的延迟和错误）。</translation>
    </message>
    <message>
        <source>Settings of endpoint %1 (%2), applied live.</source>
        <translation>端点 %1（%2）的设置，更改会在线生效。</translation>
    </message>
    <message>
        <source>Select a deployment to tune it.</source>
        <translation>选择一个部署以进行调优。</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>The model has no other version to use as a canary.</source>
        <translation>该模型没有可用作金丝雀的其他版本。</translation>
    </message>
</context>
<context>
    <name>UiFormat</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the Workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>Models in this workspace are encrypted at rest, and the key that opens them is protected by a passphrase (there is no secure keychain store here). Enter the passphrase to use encrypted models. Without it, they stay on disk untouched but cannot be loaded, deployed or exported.</source>
        <translation>此工作区中的模型已静态加密，打开它们的密钥由口令保护（此处没有安全的钥匙串存储）。请输入口令以使用加密的模型。没有口令时，它们会原封不动地保留在磁盘上，但无法加载、部署或导出。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Protect the Key with a Passphrase</source>
        <translation>使用口令保护密钥</translation>
    </message>
    <message>
        <source>The workspace key will be protected by this passphrase instead of the keychain. ModelDesk asks for it at every start. Nobody can recover the encrypted models without it: keep it somewhere safe.</source>
        <translation>工作区密钥将由此口令保护，而不是保存在钥匙串中。ModelDesk 每次启动时都会要求输入它。没有它，任何人都无法恢复加密的模型：请妥善保管。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>请至少使用 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Opening the key...</source>
        <translation>正在打开密钥...</translation>
    </message>
</context>
<context>
    <name>VersionDetailsWidget</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Select a version to see its details.</source>
        <translation>选择一个版本以查看其详细信息。</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the full SHA-256 digest to the clipboard</source>
        <translation>将完整的 SHA-256 摘要复制到剪贴板</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>创建者：</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Metrics and parameters</source>
        <translation>指标和参数</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Hyper-parameters:</source>
        <translation>超参数：</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源文件：</translation>
    </message>
    <message>
        <source>Training run:</source>
        <translation>训练运行：</translation>
    </message>
    <message>
        <source>Dataset digest:</source>
        <translation>数据集摘要：</translation>
    </message>
    <message>
        <source>Parent version:</source>
        <translation>父版本：</translation>
    </message>
    <message>
        <source>Audit trail of this model</source>
        <translation>此模型的审计记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>This model has no version.</source>
        <translation>此模型还没有版本。</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1，版本 %2</translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>WorkspaceUnlocker</name>
    <message>
        <source>The workspace key is loaded.</source>
        <translation>工作区密钥已加载。</translation>
    </message>
    <message>
        <source>Reading the encryption settings of the workspace...</source>
        <translation>正在读取工作区的加密设置...</translation>
    </message>
    <message>
        <source>The encryption settings cannot be read: %1</source>
        <translation>无法读取加密设置：%1</translation>
    </message>
    <message>
        <source>Encryption at rest is off; there is no key to unlock.</source>
        <translation>静态加密已关闭；没有需要解锁的密钥。</translation>
    </message>
    <message>
        <source>The workspace key is protected by a passphrase: enter it to use encrypted models.</source>
        <translation>工作区密钥由口令保护：请输入口令以使用加密的模型。</translation>
    </message>
    <message>
        <source>Reading the workspace key from the keychain...</source>
        <translation>正在从钥匙串读取工作区密钥...</translation>
    </message>
    <message>
        <source>the keychain has no entry for this workspace's key (was the workspace moved or the keychain reset? see docs/security.md)</source>
        <translation>钥匙串中没有此工作区密钥的条目（工作区是否已移动，或钥匙串是否已重置？参见 docs/security.md）</translation>
    </message>
    <message>
        <source>Encrypted models cannot be loaded: the workspace key is in the keychain, which did not give it (%1). Unlock the keychain and press Retry.</source>
        <translation>无法加载加密的模型：工作区密钥保存在钥匙串中，但钥匙串未提供该密钥（%1）。请解锁钥匙串后点击“重试”。</translation>
    </message>
    <message>
        <source>The workspace key cannot be used: %1</source>
        <translation>无法使用工作区密钥：%1</translation>
    </message>
    <message>
        <source>Unlocked with the passphrase.</source>
        <translation>已使用口令解锁。</translation>
    </message>
    <message>
        <source>Unlocked with the key from the keychain.</source>
        <translation>已使用钥匙串中的密钥解锁。</translation>
    </message>
    <message>
        <source>Deriving the key from the passphrase...</source>
        <translation>正在从口令派生密钥...</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <source>Wrong passphrase: the workspace key could not be opened with it.</source>
        <translation>口令错误：无法用它打开工作区密钥。</translation>
    </message>
    <message>
        <source>; or protect the key with a passphrase instead (docs/security.md)</source>
        <translation>；也可以改用口令保护密钥（docs/security.md）</translation>
    </message>
    <message>
        <source>it reads back different</source>
        <translation>读回的内容不一致</translation>
    </message>
    <message>
        <source>the keychain did not keep the master key (%1)</source>
        <translation>钥匙串未能保存主密钥（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is on: %n model file(s) encrypted.</source>
        <translation>
            <numerusform>静态加密已开启：已加密 %n 个模型文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is on, but %n file(s) are still plaintext; run it again to finish.</source>
        <translation>
            <numerusform>静态加密已开启，但仍有 %n 个文件为明文；请再次运行以完成。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is off: %n model file(s) decrypted.</source>
        <translation>
            <numerusform>静态加密已关闭：已解密 %n 个模型文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is off, but %n file(s) are still encrypted; run it again to finish.</source>
        <translation>
            <numerusform>静态加密已关闭，但仍有 %n 个文件处于加密状态；请再次运行以完成。</numerusform>
        </translation>
    </message>
</context>
</TS>