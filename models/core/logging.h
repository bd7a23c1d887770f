#pragma once
// Logging categories of the core, one per part. Enable with QT_LOGGING_RULES="modeldesk.*=true".

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)
Q_DECLARE_LOGGING_CATEGORY(lcArtifacts)
Q_DECLARE_LOGGING_CATEGORY(lcTraining)
Q_DECLARE_LOGGING_CATEGORY(lcRuntime)
Q_DECLARE_LOGGING_CATEGORY(lcServing)
Q_DECLARE_LOGGING_CATEGORY(lcMonitoring)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
