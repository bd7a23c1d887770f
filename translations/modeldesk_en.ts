<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessFormat</name>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads models, deployments and metrics; cannot call models or change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also calls models (inference), deploys them and changes models and deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything an operator may do, and creates and revokes tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+ every other model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessPage</name>
    <message>
        <source>API Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who May Do What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an API token; its secret is shown once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected token: the server refuses it at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tokens again (changes by the CLI are picked up every second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API tokens yet.

The HTTP API refuses every management call, and inference on private deployments, without a token. Create one with New Token… — or on the command line with &apos;modeldesk-cli tokens create&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are never shown here: the registry keeps only their hashes. The console and the command line act as the OS user (%1) and are recorded as such in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each active token may do on each model over the HTTP API, from its role and scope — the same rules the server applies. &lt;b&gt;R&lt;/b&gt; read · &lt;b&gt;I&lt;/b&gt; infer · &lt;b&gt;D&lt;/b&gt; deploy · &lt;b&gt;M&lt;/b&gt; modify. Tokens without a scope reach models added later too; revoked and expired tokens may do nothing and are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the API tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models yet. Import or train one on the Models or Training page; this table then shows which token may read, call, deploy or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active tokens: nobody may use the HTTP API except public inference endpoints. Create a token on the API Tokens tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token Not Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be created.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token &apos;%1&apos; created (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the token &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs that use it are refused from the next request on. This cannot be undone: to give access again, create a new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token &apos;%1&apos; not revoked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token Not Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be revoked.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token &apos;%1&apos; revoked; the server refuses it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the active alerts on the Monitoring page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this banner until another alert fires (the alerts stay listed on the Monitoring page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alerts firing. Latest: %1</source>
        <translation>
            <numerusform>%n alert firing. Latest: %1</numerusform>
            <numerusform>%n alerts firing. Latest: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertRuleDialog</name>
    <message>
        <source>e.g. 5ms, 250us or 0.5s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2.5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 512MiB or 2GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 100 (per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Alert Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. iris-slow (a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0s, 30s, 5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: what to do when it fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deployment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For at &amp;least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a threshold (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule fires when a series stays above or below its threshold for the given time, and clears by itself when the condition ends. Firing alerts show on the Monitoring page, in the banner and the log, and are recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1 not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rules yet: click Add to watch a series, e.g. latency_p99 above 50ms for 30s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Alert Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the alert rule &apos;%1&apos;? If it is firing, its alert clears.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AliasCommand</name>
    <message>
        <source>Remove Alias %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Alias %1 to Version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Alias %1 on Version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>LibTorch %1; BLAS: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no libblas.so.3 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk: train, version, deploy and monitor PyTorch models on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the workspace folder DIR (default: $MODELDESK_WORKSPACE, else the app-data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript files to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model registry in %1 cannot be opened:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1 opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slow reference BLAS is loaded; install libopenblas0-pthread for 5-20x faster training and inference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modeldesk-cli was not found next to this program: imported files are checked inside the console process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the registry in PostgreSQL, e.g. postgresql://user@host:5432/modeldesk (default: $MODELDESK_REGISTRY_URL, else config.json registry.url, else the workspace&apos;s registry.sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted deployments loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP server did not start (%1). Deployments still run inside the console; pick another port on the Deployments page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWidget</name>
    <message>
        <source>any (OS user or token name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action such as token.create, or a kind ending in &apos;.&apos; for all its actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model name, or e.g. token/ or deployment/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words in any column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many matches are kept (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every match of the current search as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model/target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. matches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match. Every change made from the console, the CLI or the API is recorded here with who made it; widen the search or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (only the newest %1 are kept: narrow the search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchingForm</name>
    <message>
        <source>Largest batch the dynamic batcher stacks (1 = batching off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest a request waits for others to fill a batch; a lone request is not held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads running forward in parallel (this machine has %1 cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch intra-op threads per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting at most; more are answered 503 with Retry-After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time a request may wait before it is answered 504</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload after this long without requests; the next request loads it again (0 = never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public: inference without an API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management always needs a token. Private deployments answer 401 to callers without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max queue delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-op threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle unload after:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogWorker</name>
    <message>
        <source>Cannot watch the registry for changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry poll failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list models: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list versions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the audit log of &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set alias &apos;%1&apos; on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1@%2 now points at version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove alias %1@%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1@%2 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set tag &apos;%1&apos; on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1=%2 set on %3:%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove tag &apos;%1&apos; from %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag &apos;%1&apos; removed from %2:%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete model &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted model &apos;%1&apos; and all its versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1:%2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to a page, run an action, find a model, version or deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer letters, or a model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↑↓ to choose, Enter to open, Esc to close — %n match(es)</source>
        <translation>
            <numerusform>↑↓ to choose, Enter to open, Esc to close — %n match</numerusform>
            <numerusform>↑↓ to choose, Enter to open, Esc to close — %n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (train)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>Compare %n run</numerusform>
            <numerusform>Compare %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation accuracy per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test macro F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <source>No confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true %1, predicted %2: %3 of %4 (%5%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle (loads on request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + canary %1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is deployed yet. Deploy a model version on the Deployments page (Ctrl+4) to serve it over HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alerts. Alert rules are set on the Monitoring page (Ctrl+5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent training runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No training runs yet. Train a model on the Training page (Ctrl+3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes recorded yet. Imports, aliases, deployments and tokens appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter on an entry to open its page. Ctrl+K searches everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments answer inside the console only; start the server to serve other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard cannot read the registry: %1. Check the workspace on the Settings page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 on the Deployments page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run %1 on the Training page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoOfferWidget</name>
    <message>
        <source>See ModelDesk at work in about a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo trains a small classifier on Fashion-MNIST clothing images, registers it as model %1 with the alias %2, deploys it and sends it a little traffic, so every page has something to show. It runs offline, in the background, and can be removed in one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed, so the demo uses a small sample built into ModelDesk. For the full data set: sudo apt install dataset-fashion-mnist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: Fashion-MNIST from %1 (60 000 training images).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the traffic, undeploy and delete the demo model with its versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this card and do not offer the demo again on this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST, or the sample built into ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small MLP, a few seconds on the CPU; live curves on the Training page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version 1 of %1, alias %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by the local runtime and HTTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 test images per second, so the Monitoring charts move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic paused: %1 requests answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic: %1 requests per second to %2 — %3 answered, %4 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the demo traffic, remove the deployment %1 and delete the model %1 with all its versions?

The demo&apos;s training run and its dataset record stay in the registry&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoRunner</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cancelled; what it already created stays until you remove the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for Fashion-MNIST…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed: the demo uses its small built-in set (%1 test images). Install the package dataset-fashion-mnist for the full demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sample of Fashion-MNIST (install dataset-fashion-mnist for the full set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already trained: %1 version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-run demo: an MLP trained on Fashion-MNIST by the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: training run %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2, %3 images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training an MLP (%1 epoch(s))…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained in %1 s, test accuracy %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training run %1 registered no version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pointing %1 at version %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 into the runtime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo traffic: a request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No synthetic traffic (switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 requests per second…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 test images per second; watch the Monitoring page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo live %1 s after it started: %2 is answering requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: no test images yet; start the demo first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the try-it request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: removing it failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo removed: its deployment and the model %1 with its versions (the training run and the dataset record stay in the history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo removed: its deployment and the demo&apos;s versions of %1; the versions added by hand stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoTryItWidget</name>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the model is deployed, a test image and the model&apos;s answer appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify another image from the test split with the deployed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#2e7d32&quot;&gt;correct&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#c62828&quot;&gt;wrong&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Model says:&lt;/b&gt; %1 (%2%)&lt;br&gt;&lt;b&gt;True label:&lt;/b&gt; %3 — %4&lt;br&gt;&lt;small&gt;Test image #%5, answered by version %6 in %7 ms&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeployDialog</name>
    <message>
        <source>Deploy a Model Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model of the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pinned version, or an alias: the deployment follows the alias when it moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint name, e.g. fashion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name clients use: /v2/models/&lt;name&gt;/infer. Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, up to 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. X-User-Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a canary: requests with the same value of this header always reach the same version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary sticky header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batching, workers and access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@%1 (now v%2, followed when it moves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, test accuracy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry has no model version yet: import or train one on the Models or Training page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version or an alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint &apos;%1&apos; exists: deploying updates it — a changed version is hot-swapped with no failed request, and the batching settings are applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model loads and warms up in the background; the table shows its progress. Clients call it at /v2/models/%1/infer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentTableModel</name>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warming up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle (loads on next request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2%, canary v%3 · %4%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unloaded after %1 s without requests; the next request loads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback goes to v%1 (history: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last second, all callers (HTTP, CLI, console); p99 = 99th percentile latency, receive to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1: %2 requests/s, p99 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who can reach the server may call it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers need an API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting for a worker (%1 being computed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploymentsPage</name>
    <message>
        <source>%1 of &apos;%2&apos; failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot deploy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (latest version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1@%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; updated to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying %1 as &apos;%2&apos;: loading and warming up in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading v%1 next to the serving version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; now serves v%2 (hot swap; the old version drained).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; rolled back to v%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback of &apos;%1&apos; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos;: canary v%2 gets %3% of routed traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos;: canary removed, the primary version gets all traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos;: max batch %2, delay %3 µs, %4 worker(s) × %5 thread(s), queue %6, timeout %7 ms, %8 — applied live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; unloaded: its memory is freed; Load Again serves it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; is loading again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; removed; the model versions stay in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (@%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, test accuracy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no other version to swap to. Import or train one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve another version of %1 on &apos;%2&apos; (now v%3). It is loaded and warmed first; no request fails. An alias is no longer followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload &apos;%1&apos;? Its memory is freed and requests are answered 503 until you load it again. The definition stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the deployment &apos;%1&apos;? The endpoint stops answering at once (clients get 404) and it is not restored at the next start. The versions of %2 stay in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve a model version (or an alias) on an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;wap Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot-swap the selected deployment to another version, with no failed request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the version served before the last swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free the model&apos;s memory; the definition stays and can be loaded again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an unloaded or failed deployment again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the deployment: the endpoint stops answering (the versions stay in the registry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the deployments again (also done every second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server (KServe v2, management API, /metrics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deployments yet — deploy a version from here or from the Models page (right-click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deployment serves one version (or follows an alias such as &apos;production&apos;) at /v2/models/&lt;endpoint&gt;/infer, with dynamic batching and hot swaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy a Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batching &amp;&amp; Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment &apos;%1&apos; is ready: %2 v%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now serves v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in 1 s</source>
        <translation>
            <numerusform>%n request in 1 s</numerusform>
            <numerusform>%n requests in 1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>, p50 %1 ms, p99 %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to v%1 (served before the last swap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the version served before the last swap (none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last %1 events: requests sent from this console, each request the HTTP server answered (under heavy traffic, the newest %2 at each refresh), one line per second of traffic answered by each deployment (all callers), state changes and actions. Newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List each request the HTTP server answers (method, path, status, latency, caller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n not listed</source>
        <translation>
            <numerusform>%n not listed</numerusform>
            <numerusform>%n not listed</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %1 requests since the last refresh: only the newest are listed; the per-second lines count them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, from %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncryptionSettingsWidget</name>
    <message>
        <source>Encryption at Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the state of the model files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn On...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn Off...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m model files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted model files (AES-256-GCM) are decrypted only in memory. Their key is kept in the OS keychain, or protected by a passphrase where there is none. Turning it on or off converts every file safely: an interrupted run leaves each file readable and can simply be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the OS keychain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state of the model files cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>On: %1 of %n model file(s) encrypted.</source>
        <translation>
            <numerusform>On: %1 of %n model file encrypted.</numerusform>
            <numerusform>On: %1 of %n model files encrypted.</numerusform>
        </translation>
    </message>
    <message>
        <source>The key is protected by a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are still plaintext: turn it on again to finish.</source>
        <translation>
            <numerusform>%n file is still plaintext: turn it on again to finish.</numerusform>
            <numerusform>%n files are still plaintext: turn it on again to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Off: model files are stored as they are (%n file(s)).</source>
        <translation>
            <numerusform>Off: model files are stored as they are (%n file).</numerusform>
            <numerusform>Off: model files are stored as they are (%n files).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are still encrypted: turn it off again to finish.</source>
        <translation>
            <numerusform>%n file is still encrypted: turn it off again to finish.</numerusform>
            <numerusform>%n files are still encrypted: turn it off again to finish.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not convert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available: secrets are stored in the OS keychain (service &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure store: %1
ModelDesk never writes secrets to a file instead. To encrypt models here, protect the key with a passphrase that you type at each start (see docs/security.md); or unlock or install a keychain (gnome-keyring, KWallet, KeePassXC) and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn On Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Encrypt every model file of this workspace (%n file(s))?

The key goes to the OS keychain, so ModelDesk can open the models at start without asking. Or protect it with a passphrase that you type at each start.</source>
        <translation>
            <numerusform>Encrypt every model file of this workspace (%n file)?

The key goes to the OS keychain, so ModelDesk can open the models at start without asking. Or protect it with a passphrase that you type at each start.</numerusform>
            <numerusform>Encrypt every model file of this workspace (%n files)?

The key goes to the OS keychain, so ModelDesk can open the models at start without asking. Or protect it with a passphrase that you type at each start.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a Passphrase...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn Off Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypt every model file of this workspace? They are then stored in plain form on disk, readable by anyone who can read the workspace folder, and the key is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An encryption change is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the workspace first: its key is needed to finish encrypting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting the model files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the workspace first: its key is needed to decrypt the model files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypting the model files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption change failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluation of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 split&lt;/b&gt;: %2 examples, accuracy &lt;b&gt;%3&lt;/b&gt; (majority-class baseline %4), macro F1 %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted class. Blue: correct share of the row; orange: confusions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TorchScript File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the version&apos;s TorchScript file (plain, loadable by torch.jit.load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;riton Repository…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &lt;folder&gt;/&lt;model&gt;/config.pbtxt and &lt;version&gt;/model.pt for Triton Inference Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;KServe Manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a KServe InferenceService manifest (YAML) for this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another export is still running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 as TorchScript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triton model repository for %1 (the model folder goes inside)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KServe manifest for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML manifests (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not record the data type and dims of input %2 (&apos;%3&apos;). Give them as DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,784</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not record the data type and dims of output %2 (&apos;%3&apos;). Give them as DTYPE:DIMS, -1 for the batch dimension, e.g. FP32:-1,10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triton Tensor Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not DTYPE:DIMS: a type such as FP32, INT64 or BOOL, then dims that are -1 or positive, e.g. FP32:-1,784. %2 %3 (&apos;%4&apos;) of %5:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triton export of %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a folder &apos;%2&apos;. Replace it with version %3?

The new folder is written beside it first, so the old one stays if the export fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triton export of %1 cancelled: the model folder exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export %1 for Triton: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the Triton model %1 to %2 (max_batch_size %3%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, batching from deployment &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a KServe manifest for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the KServe manifest %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the KServe manifest for %1 (InferenceService &apos;%2&apos;) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Plaintext Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is encrypted at rest. %2 needs plain TorchScript, so the export writes the model unencrypted to:

%3

Anyone who can read that place can read the model. Write it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A TorchScript file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export of %1 cancelled: it stays encrypted only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fashion-classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: what this version is, where it comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid model name: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit, and no &apos;..&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the next version of the existing model &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the new model &apos;%1&apos; with version 1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 as &apos;%2&apos; (%3 of %4)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the import of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 as &apos;%2&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 (TorchScript validation)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Errors, warnings and completed actions appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the log panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ModelDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ModelDesk %1&lt;/b&gt;&lt;p&gt;Train, version, deploy and monitor PyTorch models on this workstation.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the local HTTP server (deployments keep running inside the console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search pages, actions, models, versions and deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the Models page by model, alias, tag or digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the command palette, type a few letters of anything — a page, an action, a model, a version, a deployment — and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 is no longer in the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>model, %n version(s)</source>
        <translation>
            <numerusform>model, %n version</numerusform>
            <numerusform>model, %n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>deployment of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run %1 finished: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run %1 did not finish: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP server did not start on %1:%2 (%3). If another program uses that port, choose another one in the settings and start the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server started on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server stopped. Deployments stay loaded and still answer inside the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server keeps serving. Open the window or quit from the tray icon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window closed to the tray; the server keeps serving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricTile</name>
    <message>
        <source>Click to show this deployment in the charts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias to point at %1. An alias names one version of a model; setting an alias that exists moves it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current aliases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the alias &apos;%1&apos; from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias to remove from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the tag &apos;%1&apos; from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to remove from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete version %1 of model &apos;%2&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its aliases go with it: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The artifact file is removed when no other version uses it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete model &apos;%1&apos; with all its versions (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its aliases and tags go with it, and artifact files no other model uses are removed. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 as %2:%3 (SHA-256 %4, %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a TorchScript file as a new model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected version&apos;s TorchScript file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Alias…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point an alias such as &apos;production&apos; at the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Alias…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an alias from the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a key=value tag on the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a tag from the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected model with all its versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the registry again (changes are also picked up every second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by model, alias, tag or digest prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied SHA-256 %1 to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: drop .pt files here to import them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message>
        <source>Import TorchScript Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of %1 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another import is running; try %1 again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an alias or a tag, delete a whole model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1@%2 already points at version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be imported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk imports TorchScript files: a model saved with torch.jit.save() after torch.jit.script() or torch.jit.trace(). Check that the file is one and is complete (not a state_dict or a pickled nn.Module), then import it again. The log panel keeps this message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitoringCharts</name>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of one core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident (RSS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history for this window yet: points are kept once a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console keeps its history in memory only (another ModelDesk process records this workspace&apos;s metrics, or the metrics database could not be opened): choose 5 min or 1 h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write the image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live, one point per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the saved history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the charts to look at them; data is still collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the visible charts as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the points of the visible charts as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List, add and remove alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deployments yet. Deploy a model version on the Deployments page (or run &lt;code&gt;modeldesk-cli deploy MODEL:VERSION&lt;/code&gt;) and its latency, traffic and errors appear here. The machine and process charts below are already live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments and versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which deployment versions the charts show; canary versions are drawn side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None firing. Add rules with Alert Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canary %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer windows read the saved history, which this console does not record: another ModelDesk process (e.g. modeldesk-cli serve) records this workspace&apos;s metrics, or the metrics database could not be opened. Use 5 min or 1 h, or modeldesk-cli metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Charts as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts could not be saved.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the charts to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart data not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart data could not be saved.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the chart data to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid %2: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit, and no &apos;..&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTiles</name>
    <message>
        <source>loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle (loads on the next request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + canary v%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show this deployment in the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionMatrixModel</name>
    <message>
        <source>Token &apos;%1&apos; may not use model &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token &apos;%1&apos; (%2) may %3 model &apos;%4&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2
Scope: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>test samples exist for versions trained on an IDX image dataset; this one was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained on other data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version does not name the dataset it was trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files of dataset &apos;%1&apos; changed since this version was trained (SHA-256 %2, trained on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; holds no images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; has an empty test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature lists no input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature does not record the shape of input &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has more than %2 values: too large for the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sample image has %1 pixels, expected %2x%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model takes %1 inputs; an image sample fills one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &apos;%1&apos; takes %2, not image pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has shape %2, which does not hold a %3x%4 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request must be a JSON object with an &quot;inputs&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(+ %1 bytes of binary tensor data)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests answered by the runtime in one second, from every caller (HTTP, CLI, console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request answered by this console&apos;s HTTP server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best validation accuracy over the recorded epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy of the final model on the test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best val. acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityStateWidget</name>
    <message>
        <source>Security state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption at rest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the keychain and the workspace again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking… (at most %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on — %1 of %2 artifacts encrypted (AES-256-GCM), key in the %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase-wrapped key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 still in plaintext: finish it from Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off — %1 artifacts stored in plaintext; turn it on in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 still encrypted: finish turning it off from Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available (the OS keychain holds the console&apos;s secrets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secure store — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are then never written in plaintext: encryption asks for a passphrase instead (see Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped — nothing listens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — this machine only (loopback)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — reachable from the network, with TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — reachable from the network WITHOUT TLS: tokens travel in clear text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerBar</name>
    <message>
        <source>Address to listen on. 127.0.0.1 (loopback) keeps the server private to this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (0 = any free port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve HTTPS with a certificate and private key (PEM files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the HTTP server with this address and port (restarts it when running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the HTTP server; deployments stay loaded and the try-it panel still works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate chain (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped — deployments still answer the try-it panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at &lt;a href=&quot;%1/v2&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exposed beyond this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address given (use 127.0.0.1 to stay on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Without TLS, requests, responses and API tokens cross the network in clear text.&lt;/b&gt; Add a certificate and key (TLS…) unless the network is trusted.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Traffic is encrypted with the given certificate.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expose the Model Server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Listening on &lt;b&gt;%1&lt;/b&gt; lets other machines that can reach this address call the server. Public deployments answer them without a token; management always needs one.&lt;/p&gt;%2&lt;p&gt;Listen on %1 anyway?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not listen on %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server not moved: %1; it still runs at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server running at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server stopped; deployments stay loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1 in a file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time ModelDesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no libblas.so.3 loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the slow reference BLAS: install libopenblas0-pthread for 5-20x faster training and inference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLAS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Restart ModelDesk to use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language set to %1; it applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Another...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another workspace folder in a new window, or use it from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry, the model files and the training runs of this console live here. A console works on one workspace at a time: another one opens in a new window, or from the next start (also: --workspace DIR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the workspace already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 in a new window now, or use it instead of this one from the next start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At Next Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start another ModelDesk window for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the workspace %1 in a new window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 opens at the next start (restart ModelDesk to switch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the server when ModelDesk starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and Restart Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server will be reachable from other machines at %1 (over TLS). Give API tokens only to those who need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1 is reachable from other machines and there is no TLS: tokens and model data cross the network in plain text. Set a certificate and a key, or use 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply when the server restarts (the button does it now; deployments stay loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both a certificate and a private key; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve Without TLS?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 makes the server reachable from other machines, and without TLS everything, API tokens included, crosses the network in plain text.

Serve on %1 without TLS anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings saved; they apply at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings saved; the server is off (start it from the Deployments page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings saved, but the server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now listens on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max queue delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-op threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used when a deployment is created; each deployment can be tuned live on the Deployments page. Workers x intra-op threads above %1 (the cores of this machine) slows everything down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps ModelDesk serving in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window now keeps ModelDesk running in the tray; quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window now quits ModelDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute-by-minute metrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly metrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the monitoring history is kept in metrics.sqlite. Applies at the next start; older points are then removed within the hour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupWindow</name>
    <message>
        <source>ModelDesk - opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ModelDesk&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the workspace %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the workspace %1 and connecting to the registry at %2 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagCommand</name>
    <message>
        <source>Remove Tag &apos;%1&apos; from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Tag %1=%2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Set Tag on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a tag key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid tag key: use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is longer than 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeSeriesChart</name>
    <message>
        <source>could not write the image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCreateDialog</name>
    <message>
        <source>New API Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token lets a program call the HTTP API. Its secret is shown once, after it is created; the registry keeps only a hash of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fraud-app or ci-deployer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All models (also ones added later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only the models ticked below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any permission includes read (a client reads a model&apos;s description before calling it). Infer calls the model; deploy changes its deployments; modify changes versions, aliases and tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the token a name, e.g. the program that will use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1-64 characters a-z, 0-9, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token named &apos;%1&apos; exists already (revoked tokens keep their name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no models yet: choose all models, which includes later ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one permission on one model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry date is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenSecretDialog</name>
    <message>
        <source>Token &apos;%1&apos; Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this secret now. You will not see it again.&lt;/b&gt;&lt;br&gt;ModelDesk keeps only a hash of it. If it is lost, revoke the token and create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send it as the header &lt;tt&gt;Authorization: Bearer &amp;lt;secret&amp;gt;&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenTableModel</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scope: every model, also ones added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope entries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired at %1; the server refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked at %1; the server refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepts this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingChartsWidget</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a run, or open one from the runs table, to see its loss and accuracy curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingFormWidget</name>
    <message>
        <source>Choose the data: a CSV file, an IDX folder or a fortunes folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write whole numbers separated by commas, e.g. 128 or 256,128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give two channel counts, e.g. 32,64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (e.g. 0.001 or 1e-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (e.g. 0 or 1e-4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model to register the result under (or untick &quot;Register&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training run is in progress; one run at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on a worker thread; the console stays usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown once the data is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data cannot be used (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown once the data can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s), label column &apos;%1&apos;</source>
        <translation>
            <numerusform>%n feature, label column &apos;%1&apos;</numerusform>
            <numerusform>%n features, label column &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message>
        <source>texts, label column &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; rows, %2; &lt;b&gt;%n&lt;/b&gt; classes (%3).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; rows, %2; &lt;b&gt;%n&lt;/b&gt; class (%3).</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; rows, %2; &lt;b&gt;%n&lt;/b&gt; classes (%3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Split: %1 train / %2 validation / %3 test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header row detected: the first line names the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row: the first line is data; columns are numbered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; trainable parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (numbers + label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text CSV (text + label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDX images (e.g. Fashion-MNIST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortunes topics (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file, an IDX folder or a fortunes folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a &amp;File (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a F&amp;older (IDX, fortunes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic (label, class, target, y, else the last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic (text, else the other column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic files of the fortunes folder to use, comma-separated; empty: the default nine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the data is registered under (lineage of the trained versions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored when the data has its own test files (IDX t10k-*).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP (numbers, images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text classifier (embedding bag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small CNN (28×28 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes of the hidden layers, comma-separated (e.g. 256,128). Text classifier: one size, 0 = none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hidden sizes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr&amp;opout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels of the two convolution blocks, e.g. 32,64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimize&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate, e.g. 0.001 or 1e-3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn&amp;ing rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight &amp;decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> epoch(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sched&amp;ule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip the gradients&apos; global L2 norm to this value; 0 = off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gradient clipping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earl&amp;y stopping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed, data and threads give the same model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intra-op threads used by the training (ATen and OpenBLAS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as a new model &amp;version when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model name, e.g. fashion-mlp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; default: architecture, data, run and accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected run&apos;s loss and accuracy curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the selected cancelled, failed or interrupted run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay the curves and list the configs of the selected runs (select two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix and per-class metrics of the selected finished run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as &amp;Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the selected finished run&apos;s model as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the runs again from the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current batch; the run keeps its last checkpoint and can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No training runs yet. Choose data and an architecture on the left, then Start Training; runs started with &apos;modeldesk-cli train&apos; appear here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New run: %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Training started: %1 on %2, %n epoch(s).</source>
        <translation>
            <numerusform>Training started: %1 on %2, %n epoch.</numerusform>
            <numerusform>Training started: %1 on %2, %n epochs.</numerusform>
        </translation>
    </message>
    <message>
        <source>A training run is in progress; resume %1 when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming run %1 from its last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training run is in progress; wait for it to end or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2 · %3 samples/s · ETA %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 accuracy %2 after %n epoch(s)</source>
        <translation>
            <numerusform>%1 accuracy %2 after %n epoch</numerusform>
            <numerusform>%1 accuracy %2 after %n epochs</numerusform>
        </translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (stopped early, best epoch %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, registered as %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples/s over %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>cancelled after %n epoch(s); resume it to continue</source>
        <translation>
            <numerusform>cancelled after %n epoch; resume it to continue</numerusform>
            <numerusform>cancelled after %n epochs; resume it to continue</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not be resumed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the training runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1%2: %3 on %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two or more runs to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare the runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evaluation for run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot register run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered run %1 as %2:%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has %2 of %3 epochs. Continue from its last checkpoint up to a total of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the model trained by run %1 as the next version of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot cancel run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked the process training run %1 to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2 · trained by another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training (another process)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2 · step %3/%4 · trained by another process</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit ModelDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk — serving on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelDesk — HTTP server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>Routed: as clients are routed (canary split). A version: pinned, as /v2/models/&lt;name&gt;/versions/&lt;v&gt;/infer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a request of the right shape from the version&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied a curl command for this request to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request inside the console (Ctrl+Enter); works with the HTTP server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A KServe v2 inference request (JSON). Select a deployment, then Example or Test Sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a deployment to try it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint %1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — over HTTP: POST %1/v2/models/%2/infer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP server is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request over HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request over HTTP (this deployment is private: set MODELDESK_TOKEN to an API token from the Access page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the request with a random image of the test split this version was evaluated on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a deployment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example request for v%1 from its signature. Edit it, then Send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled &quot;data&quot; for the shapes written in the request: the signature of v%1 does not record them (edit &quot;shape&quot; and press Example again to change them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No example from the signature: %1. Set &quot;shape&quot; to what the model takes and press Example again to fill &quot;data&quot;; the request is kept for this endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a test sample of dataset &apos;%1&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test sample: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test row %1
true: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A random image of the test split (%1 rows) of &apos;%2&apos;. Send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1, waiting for the answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (%1) after %2 ms: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — retry after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the response could not be written: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1 answered in %2 ms (queue %3 ms, compute %4 ms, batch of %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (class %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted: %1 — score %2, softmax %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — true label %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — true label %1 ✗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, predicted %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TuningPanel</name>
    <message>
        <source>Apply Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied without dropping a request: batching at once; worker or thread changes start new workers on the loaded model and drain the old ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batching, workers and access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version that gets the canary share of routed traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of routed traffic sent to the canary version, applied when you release the slider (0 removes the canary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% canary, %2% primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both versions are loaded and warmed before traffic moves; compare them on the Monitoring page (per-version latency and errors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of endpoint %1 (%2), applied live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a deployment to tune it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has no other version to use as a canary.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UiFormat</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models in this workspace are encrypted at rest, and the key that opens them is protected by a passphrase (there is no secure keychain store here). Enter the passphrase to use encrypted models. Without it, they stay on disk untouched but cannot be loaded, deployed or exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the Key with a Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace key will be protected by this passphrase instead of the keychain. ModelDesk asks for it at every start. Nobody can recover the encrypted models without it: keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the key...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionDetailsWidget</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full SHA-256 digest to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyper-parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset digest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail of this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionTableModel</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceUnlocker</name>
    <message>
        <source>The workspace key is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the encryption settings of the workspace...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption settings cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption at rest is off; there is no key to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace key is protected by a passphrase: enter it to use encrypted models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the workspace key from the keychain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain has no entry for this workspace&apos;s key (was the workspace moved or the keychain reset? see docs/security.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted models cannot be loaded: the workspace key is in the keychain, which did not give it (%1). Unlock the keychain and press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace key cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked with the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked with the key from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deriving the key from the passphrase...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase: the workspace key could not be opened with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; or protect the key with a passphrase instead (docs/security.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it reads back different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not keep the master key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is on: %n model file(s) encrypted.</source>
        <translation>
            <numerusform>Encryption at rest is on: %n model file encrypted.</numerusform>
            <numerusform>Encryption at rest is on: %n model files encrypted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is on, but %n file(s) are still plaintext; run it again to finish.</source>
        <translation>
            <numerusform>Encryption at rest is on, but %n file is still plaintext; run it again to finish.</numerusform>
            <numerusform>Encryption at rest is on, but %n files are still plaintext; run it again to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is off: %n model file(s) decrypted.</source>
        <translation>
            <numerusform>Encryption at rest is off: %n model file decrypted.</numerusform>
            <numerusform>Encryption at rest is off: %n model files decrypted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encryption at rest is off, but %n file(s) are still encrypted; run it again to finish.</source>
        <translation>
            <numerusform>Encryption at rest is off, but %n file is still encrypted; run it again to finish.</numerusform>
            <numerusform>Encryption at rest is off, but %n files are still encrypted; run it again to finish.</numerusform>
        </translation>
    </message>
</context>
</TS>
