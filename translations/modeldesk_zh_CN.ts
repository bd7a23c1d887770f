<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessPage</name>
    <message>
        <source>Access</source>
        <translation>访问控制</translation>
    </message>
    <message>
        <source>Decide who may call the HTTP API and what they may do.</source>
        <translation>决定谁可以调用 HTTP API，以及可以做什么。</translation>
    </message>
    <message>
        <source>API tokens with roles (viewer, operator, admin) and a per-model scope, stored only as hashes</source>
        <translation>带角色（查看者、操作员、管理员）和按模型范围的 API 令牌，只保存其哈希值</translation>
    </message>
    <message>
        <source>Expiry, revocation and last use of every token</source>
        <translation>每个令牌的过期时间、吊销和最近使用时间</translation>
    </message>
    <message>
        <source>The console&apos;s secrets and the model-encryption key kept in the system keychain</source>
        <translation>控制台的密钥和模型加密密钥保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Model artifacts encrypted at rest and checked on every load</source>
        <translation>模型文件静态加密，每次加载时都校验完整性</translation>
    </message>
    <message>
        <source>Loopback-only serving by default; TLS when exposed</source>
        <translation>默认只在本机回环地址上提供服务；对外开放时使用 TLS</translation>
    </message>
    <message>
        <source>Meanwhile: the audit trail of every model is shown in its details on the Models page.</source>
        <translation>目前：每个模型的审计记录显示在“模型”页面的详细信息中。</translation>
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
        <source>Cannot read the audit log of &apos;%1&apos;: %2</source>
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
        <source>Cannot set alias &apos;%1&apos; on %2:%3</source>
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
        <source>Cannot set tag &apos;%1&apos; on %2:%3</source>
        <translation>无法在 %2:%3 上设置标签“%1”</translation>
    </message>
    <message>
        <source>Tag %1=%2 set on %3:%4.</source>
        <translation>已在 %3:%4 上设置标签 %1=%2。</translation>
    </message>
    <message>
        <source>Cannot remove tag &apos;%1&apos; from %2:%3</source>
        <translation>无法从 %2:%3 移除标签“%1”</translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; removed from %2:%3.</source>
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
        <source>Cannot delete model &apos;%1&apos;</source>
        <translation>无法删除模型“%1”</translation>
    </message>
    <message>
        <source>Deleted model &apos;%1&apos; and all its versions.</source>
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
    <name>DeploymentsPage</name>
    <message>
        <source>Deployments</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Serve model versions on the local HTTP server (KServe v2 / Open Inference Protocol).</source>
        <translation>在本地 HTTP 服务器上提供模型版本的推理服务（KServe v2 / 开放推理协议）。</translation>
    </message>
    <message>
        <source>Deploy a version or an alias: load, warm up, ready</source>
        <translation>部署一个版本或别名：加载、预热、就绪</translation>
    </message>
    <message>
        <source>Hot-swap to another version with no failed request, roll back in one click</source>
        <translation>热切换到另一个版本且不丢失任何请求，一键回滚</translation>
    </message>
    <message>
        <source>Canary: split traffic between two versions</source>
        <translation>金丝雀发布：在两个版本之间分配流量</translation>
    </message>
    <message>
        <source>Tune batching (max batch size, max queue delay), workers and threads live</source>
        <translation>在线调整批处理（最大批大小、最大排队延迟）、工作线程和线程数</translation>
    </message>
    <message>
        <source>Unload to free memory, idle auto-unload; deployments come back after a restart</source>
        <translation>卸载以释放内存，空闲时自动卸载；重启后部署自动恢复</translation>
    </message>
    <message>
        <source>Meanwhile: set aliases such as &apos;production&apos; on the Models page; deployments will follow them.</source>
        <translation>目前：可在“模型”页面设置“production”等别名；以后的部署将跟随这些别名。</translation>
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
        <source>&apos;%1&apos; is not a valid model name: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit, and no &apos;..&apos;.</source>
        <translation>“%1”不是有效的模型名称：请使用 1-64 个字符（a-z、0-9、“.”、“_”或“-”），以字母或数字开头，且不含“..”。</translation>
    </message>
    <message>
        <source>Adds the next version of the existing model &apos;%1&apos;.</source>
        <translation>将作为现有模型“%1”的下一个版本添加。</translation>
    </message>
    <message>
        <source>Creates the new model &apos;%1&apos; with version 1.</source>
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
        <source>Importing %1 as &apos;%2&apos; (%3 of %4)…</source>
        <translation>正在将 %1 导入为“%2”（%3 / %4）…</translation>
    </message>
    <message>
        <source>Cancelling the import of %1…</source>
        <translation>正在取消 %1 的导入…</translation>
    </message>
    <message>
        <source>Importing %1 as &apos;%2&apos;…</source>
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
        <source>Remove the alias &apos;%1&apos; from %2?</source>
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
        <source>Remove the tag &apos;%1&apos; from %2?</source>
        <translation>要从 %2 移除标签“%1”吗？</translation>
    </message>
    <message>
        <source>Tag to remove from %1:</source>
        <translation>要从 %1 移除的标签：</translation>
    </message>
    <message>
        <source>Delete version %1 of model &apos;%2&apos;?</source>
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
        <source>Delete model &apos;%1&apos; with all its versions (%2)?</source>
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
        <source>The model could not be imported.

%1</source>
        <translation>无法导入该模型。

%1</translation>
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
        <source>Save the selected version&apos;s TorchScript file</source>
        <translation>保存所选版本的 TorchScript 文件</translation>
    </message>
    <message>
        <source>Set &amp;Alias…</source>
        <translation>设置别名(&amp;A)…</translation>
    </message>
    <message>
        <source>Point an alias such as &apos;production&apos; at the selected version</source>
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
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Watch each deployment live, with charts kept across restarts.</source>
        <translation>实时观察每个部署，图表数据在重启后保留。</translation>
    </message>
    <message>
        <source>Latency percentiles (p50, p95, p99), throughput, errors and queue time per deployment</source>
        <translation>每个部署的延迟百分位（p50、p95、p99）、吞吐量、错误和排队时间</translation>
    </message>
    <message>
        <source>Batch sizes and process CPU and memory use</source>
        <translation>批大小以及进程的 CPU 和内存占用</translation>
    </message>
    <message>
        <source>Time windows from minutes to days</source>
        <translation>从几分钟到几天的时间窗口</translation>
    </message>
    <message>
        <source>Thresholds that raise an alert</source>
        <translation>超过阈值时发出告警</translation>
    </message>
    <message>
        <source>The same figures as the server&apos;s Prometheus /metrics endpoint</source>
        <translation>与服务器 Prometheus /metrics 端点相同的指标</translation>
    </message>
    <message>
        <source>Meanwhile: the log panel at the bottom records every action and error of this console.</source>
        <translation>目前：底部的日志面板记录了本控制台的每个操作和错误。</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid %2: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit, and no &apos;..&apos;.</source>
        <translation>“%1”不是有效的%2：请使用 1-64 个字符（a-z、0-9、“.”、“_”或“-”），以字母或数字开头，且不含“..”。</translation>
    </message>
</context>
<context>
    <name>PlannedPage</name>
    <message>
        <source>Coming in a later release. This page shows no data yet.</source>
        <translation>将在后续版本中推出。此页面暂不显示任何数据。</translation>
    </message>
    <message>
        <source>It will offer:</source>
        <translation>它将提供：</translation>
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
        <source>Start ModelDesk with --workspace DIR (or set MODELDESK_WORKSPACE) to use another folder.</source>
        <translation>使用 --workspace DIR 启动 ModelDesk（或设置 MODELDESK_WORKSPACE）以使用其他文件夹。</translation>
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
        <source>The registry, the model files and the training runs of this console live here. Choose another folder with --workspace DIR at start.</source>
        <translation>本控制台的注册表、模型文件和训练记录都保存在这里。启动时可用 --workspace DIR 选择其他文件夹。</translation>
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
        <source>&apos;%1&apos; is not a valid tag key: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
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
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train models on this workstation with the embedded LibTorch runtime, no Python needed.</source>
        <translation>使用内置的 LibTorch 运行时在本机训练模型，无需 Python。</translation>
    </message>
    <message>
        <source>Import datasets: CSV tables, text CSV and IDX image files such as Fashion-MNIST, split into train, validation and test</source>
        <translation>导入数据集：CSV 表格、文本 CSV 以及 Fashion-MNIST 等 IDX 图像文件，并划分为训练集、验证集和测试集</translation>
    </message>
    <message>
        <source>Architectures: MLP, text classifier and small CNN; optimizers SGD, Adam and AdamW</source>
        <translation>网络结构：MLP、文本分类器和小型 CNN；优化器：SGD、Adam 和 AdamW</translation>
    </message>
    <message>
        <source>Live loss and accuracy charts, early stopping, resume from a checkpoint</source>
        <translation>实时的损失和准确率图表、提前停止、从检查点恢复</translation>
    </message>
    <message>
        <source>Hyper-parameter sweeps and evaluation on the test split (accuracy, per-class metrics, confusion matrix)</source>
        <translation>超参数搜索以及在测试集上的评估（准确率、各类别指标、混淆矩阵）</translation>
    </message>
    <message>
        <source>Every finished run registered as a new model version with its metrics and lineage</source>
        <translation>每次完成的训练都会连同指标和来源信息注册为新的模型版本</translation>
    </message>
    <message>
        <source>Meanwhile: import TorchScript files trained elsewhere on the Models page.</source>
        <translation>目前：可在“模型”页面导入在其他地方训练的 TorchScript 文件。</translation>
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
</TS>
