<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessPage</name>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide who may call the HTTP API and what they may do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API tokens with roles (viewer, operator, admin) and a per-model scope, stored only as hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry, revocation and last use of every token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s secrets and the model-encryption key kept in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model artifacts encrypted at rest and checked on every load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback-only serving by default; TLS when exposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: the audit trail of every model is shown in its details on the Models page.</source>
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
    <name>DeploymentsPage</name>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve model versions on the local HTTP server (KServe v2 / Open Inference Protocol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy a version or an alias: load, warm up, ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot-swap to another version with no failed request, roll back in one click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary: split traffic between two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune batching (max batch size, max queue delay), workers and threads live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload to free memory, idle auto-unload; deployments come back after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: set aliases such as &apos;production&apos; on the Models page; deployments will follow them.</source>
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
        <source>The model could not be imported.

%1</source>
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
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch each deployment live, with charts kept across restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency percentiles (p50, p95, p99), throughput, errors and queue time per deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch sizes and process CPU and memory use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time windows from minutes to days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds that raise an alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same figures as the server&apos;s Prometheus /metrics endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: the log panel at the bottom records every action and error of this console.</source>
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
    <name>PlannedPage</name>
    <message>
        <source>Coming in a later release. This page shows no data yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will offer:</source>
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
        <source>Start ModelDesk with --workspace DIR (or set MODELDESK_WORKSPACE) to use another folder.</source>
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
        <source>The registry, the model files and the training runs of this console live here. Choose another folder with --workspace DIR at start.</source>
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
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train models on this workstation with the embedded LibTorch runtime, no Python needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import datasets: CSV tables, text CSV and IDX image files such as Fashion-MNIST, split into train, validation and test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architectures: MLP, text classifier and small CNN; optimizers SGD, Adam and AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live loss and accuracy charts, early stopping, resume from a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyper-parameter sweeps and evaluation on the test split (accuracy, per-class metrics, confusion matrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every finished run registered as a new model version with its metrics and lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile: import TorchScript files trained elsewhere on the Models page.</source>
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
</TS>
