#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "modeldesk.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRegistry, "modeldesk.registry", QtInfoMsg)
Q_LOGGING_CATEGORY(lcArtifacts, "modeldesk.artifacts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTraining, "modeldesk.training", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRuntime, "modeldesk.runtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServing, "modeldesk.serving", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitoring, "modeldesk.monitoring", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "modeldesk.security", QtInfoMsg)
